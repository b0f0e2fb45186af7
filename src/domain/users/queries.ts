import type { Queryable } from '../../db/database.ts';
import type { UserRow, SessionUser, InvitationRow } from './schema.ts';
import { hashToken } from '../../keys/tokens.ts';

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*) as n from users');
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>('select * from users where lower(email) = lower($1)', [email]);
  return row;
}

/** The signed-in user for a cookie token, or undefined when it is unknown or expired. */
export async function sessionUser(db: Queryable, token: string): Promise<SessionUser | undefined> {
  const [row] = await db.query<SessionUser>(
    `select u.id, u.account_id, u.email, u.name, u.role, u.created_at, s.id as session_id, s.csrf_token, a.name as account_name
     from sessions s join users u on u.id = s.user_id join accounts a on a.id = u.account_id
     where s.token_hash = $1 and s.expires_at > now()`,
    [hashToken(token)],
  );
  return row;
}

export async function pendingInvitations(db: Queryable, accountId: string): Promise<InvitationRow[]> {
  return db.query<InvitationRow>(
    `select id, account_id, email, role, created_at, expires_at, accepted_at from invitations
     where account_id = $1 and accepted_at is null and expires_at > now() order by created_at desc`,
    [accountId],
  );
}

/** The open invitation behind a link, with its account's name; undefined when unknown, used or expired. */
export async function openInvitation(db: Queryable, token: string): Promise<(InvitationRow & { account_name: string }) | undefined> {
  const [row] = await db.query<InvitationRow & { account_name: string }>(
    `select i.id, i.account_id, i.email, i.role, i.created_at, i.expires_at, i.accepted_at, a.name as account_name
     from invitations i join accounts a on a.id = i.account_id where i.token_hash = $1 and i.accepted_at is null and i.expires_at > now()`,
    [hashToken(token)],
  );
  return row;
}

/** A person's name, for what they write (notes). */
export async function userName(db: Queryable, userId: string): Promise<string | undefined> {
  const [row] = await db.query<{ name: string }>('select name from users where id = $1', [userId]);
  return row?.name;
}
