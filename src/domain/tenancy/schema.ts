export interface AccountRow {
  id: string;
  name: string;
  slug: string;
  created_at: string;
}

export interface WorkspaceRow {
  id: string;
  account_id: string;
  name: string;
  slug: string;
  timezone: string;
  created_at: string;
}
