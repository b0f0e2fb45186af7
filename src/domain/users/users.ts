import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import { slugify, withFreeSlug } from '../slug.ts';
import { createWorkspace } from '../tenancy/commands.ts';

export interface UserRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: 'owner' | 'admin' | 'member';
  password_hash: string | null;
  created_at: string;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*) as n from users');
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>('select * from users where lower(email) = lower($1)', [email]);
  return row;
}

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
  await withFreeSlug(slugify(input.accountName, 'account'), async (slug) =>
    (await db.query('insert into accounts (id, name, slug) values ($1, $2, $3) on conflict (slug) do nothing returning id', [accountId, input.accountName, slug]))[0],
  );
  await createWorkspace(db, accountId, { name: input.workspaceName, timezone: input.timezone });
  const [user] = await db.query<UserRow>(
    `insert into users (id, account_id, email, name, role, password_hash) values ($1, $2, $3, $4, 'owner', $5) returning *`,
    [newId('user'), accountId, input.email, input.name, input.passwordHash],
  );
  return user;
}
