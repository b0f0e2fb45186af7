import { hashToken, newToken } from '../../keys/tokens.ts';
import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import type { UserRow } from './users.ts';

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

/** Creates an invitation; returns its token, which goes in the link and is stored only as a hash. */
export async function createInvitation(db: Queryable, input: { accountId: string; email: string | null; role: 'admin' | 'member'; createdBy: string | null }): Promise<string> {
  const token = newToken();
  await db.query(
    `insert into invitations (id, account_id, email, role, token_hash, created_by, expires_at) values ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))`,
    [newId('invitation'), input.accountId, input.email, input.role, hashToken(token), input.createdBy, INVITATION_DAYS],
  );
  return token;
}

export async function pendingInvitations(db: Queryable, accountId: string): Promise<InvitationRow[]> {
  return db.query<InvitationRow>(
    `select id, account_id, email, role, created_at, expires_at, accepted_at from invitations
     where account_id = $1 and accepted_at is null and expires_at > now() order by created_at desc`,
    [accountId],
  );
}

export async function cancelInvitation(db: Queryable, accountId: string, id: string): Promise<boolean> {
  return (await db.query('delete from invitations where id = $1 and account_id = $2 and accepted_at is null returning id', [id, accountId])).length > 0;
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

export class InvitationError extends Error {}

/** Joins the invitation's account as a new user; the invitation is used up in the same transaction. */
export async function acceptInvitation(db: Queryable, token: string, input: { name: string; email: string; passwordHash: string }): Promise<UserRow> {
  const [invitation] = await db.query<InvitationRow>(
    'select * from invitations where token_hash = $1 and accepted_at is null and expires_at > now() for update',
    [hashToken(token)],
  );
  if (!invitation) throw new InvitationError('This invitation link has been used, has expired, or was cancelled.');
  if (invitation.email && invitation.email.toLowerCase() !== input.email.toLowerCase()) throw new InvitationError(`This invitation is for ${invitation.email}.`);
  if ((await db.query('select 1 from users where lower(email) = lower($1)', [input.email])).length > 0) throw new InvitationError('That email already has a Parley sign-in.');
  await db.query('update invitations set accepted_at = now() where id = $1', [invitation.id]);
  const [user] = await db.query<UserRow>(
    'insert into users (id, account_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6) returning *',
    [newId('user'), invitation.account_id, input.email, input.name, invitation.role, input.passwordHash],
  );
  return user!;
}
