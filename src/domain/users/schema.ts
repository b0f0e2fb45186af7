export interface UserRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'member';
  password_hash: string | null;
  created_at: string;
}

export const SESSION_DAYS = 14;

export interface SessionUser extends Omit<UserRow, 'password_hash'> {
  session_id: string;
  csrf_token: string;
  account_name: string;
}

export const INVITATION_DAYS = 7;

export interface InvitationRow {
  id: string;
  account_id: string;
  email: string | null;
  role: 'admin' | 'member';
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}
