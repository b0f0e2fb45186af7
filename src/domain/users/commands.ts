import type { Queryable } from '../../db/database.ts';
import { slugify, withFreeSlug } from '../slug.ts';
import { createWorkspace } from '../tenancy/commands.ts';
import { countUsers } from './queries.ts';
import { type UserRow, INVITATION_DAYS, type InvitationRow, SESSION_DAYS } from './schema.ts';
import { newId } from '../../ids.ts';
import { hashToken, newToken } from '../../keys/tokens.ts';

/**
 * The first person on a fresh install: creates their account with a first workspace, and becomes its owner.
 * Returns undefined when someone already did (later people join by invitation).
 */
export async function createFirstOwner(
  db: Queryable,
  input: { accountName: string; workspaceName: string; timezone: string; name: string; email: string; passwordHash: string },
): Promise<UserRow | undefined> {
  await db.query('lock table users in exclusive mode'); // two first sign-ups at once: only one wins
  if ((await countUsers(db)) > 0) return undefined;
  const accountId = newId('account');
  await withFreeSlug(
    slugify(input.accountName, 'account'),
    async (slug) =>
      (
        await db.query('insert into accounts (id, name, slug) values ($1, $2, $3) on conflict (slug) do nothing returning id', [
          accountId,
          input.accountName,
          slug,
        ])
      )[0],
  );
  await createWorkspace(db, accountId, { name: input.workspaceName, timezone: input.timezone });
  const [user] = await db.query<UserRow>(
    `insert into users (id, account_id, email, name, role, password_hash) values ($1, $2, $3, $4, 'owner', $5) returning *`,
    [newId('user'), accountId, input.email, input.name, input.passwordHash],
  );
  return user;
}

/** Starts a session; returns the cookie token (only its hash is stored). */
export async function createSession(db: Queryable, userId: string): Promise<string> {
  const token = newToken();
  await db.query(
    `insert into sessions (id, user_id, token_hash, csrf_token, expires_at) values ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [newId('session'), userId, hashToken(token), newToken(), SESSION_DAYS],
  );
  return token;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from sessions where token_hash = $1', [hashToken(token)]);
}

/** Creates an invitation; returns its token, which goes in the link and is stored only as a hash. */
export async function createInvitation(
  db: Queryable,
  input: { accountId: string; email: string | null; role: 'admin' | 'member'; createdBy: string | null },
): Promise<string> {
  const token = newToken();
  await db.query(
    `insert into invitations (id, account_id, email, role, token_hash, created_by, expires_at) values ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))`,
    [newId('invitation'), input.accountId, input.email, input.role, hashToken(token), input.createdBy, INVITATION_DAYS],
  );
  return token;
}

export async function cancelInvitation(db: Queryable, accountId: string, id: string): Promise<boolean> {
  return (
    (await db.query('delete from invitations where id = $1 and account_id = $2 and accepted_at is null returning id', [id, accountId]))
      .length > 0
  );
}

export class InvitationError extends Error {}

/** Joins the invitation's account as a new user; the invitation is used up in the same transaction. */
export async function acceptInvitation(
  db: Queryable,
  token: string,
  input: { name: string; email: string; passwordHash: string },
): Promise<UserRow> {
  const [invitation] = await db.query<InvitationRow>(
    'select * from invitations where token_hash = $1 and accepted_at is null and expires_at > now() for update',
    [hashToken(token)],
  );
  if (!invitation) throw new InvitationError('This invitation link has been used, has expired, or was cancelled.');
  if (invitation.email && invitation.email.toLowerCase() !== input.email.toLowerCase())
    throw new InvitationError(`This invitation is for ${invitation.email}.`);
  if ((await db.query('select 1 from users where lower(email) = lower($1)', [input.email])).length > 0)
    throw new InvitationError('That email already has a Parley sign-in.');
  await db.query('update invitations set accepted_at = now() where id = $1', [invitation.id]);
  const [user] = await db.query<UserRow>(
    'insert into users (id, account_id, email, name, role, password_hash) values ($1, $2, $3, $4, $5, $6) returning *',
    [newId('user'), invitation.account_id, input.email, input.name, invitation.role, input.passwordHash],
  );
  return user!;
}
