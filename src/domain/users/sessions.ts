import { hashToken, newToken } from '../../keys/tokens.ts';
import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import type { UserRow } from './users.ts';

export const SESSION_DAYS = 14;

/** Starts a session; returns the cookie token (only its hash is stored). */
export async function createSession(db: Queryable, userId: string): Promise<string> {
  const token = newToken();
  await db.query(
    `insert into sessions (id, user_id, token_hash, csrf_token, expires_at) values ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [newId('session'), userId, hashToken(token), newToken(), SESSION_DAYS],
  );
  return token;
}

export interface SessionUser extends Omit<UserRow, 'password_hash'> {
  session_id: string;
  csrf_token: string;
  account_name: string;
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

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [hashToken(token)]);
}
