import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import { slugify, withFreeSlug } from '../slug.ts';

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

export async function getAccount(db: Queryable, accountId: string): Promise<AccountRow | undefined> {
  const [row] = await db.query<AccountRow>('select id, name, slug, created_at from accounts where id = $1', [accountId]);
  return row;
}

export async function listWorkspaces(db: Queryable, workspaceIds: string[]) {
  return db.query<WorkspaceRow & { agent_count: number }>(
    `select w.id, w.account_id, w.name, w.slug, w.timezone, w.created_at,
       (select count(*) from agents a where a.workspace_id = w.id) as agent_count
     from workspaces w where w.id = any($1) order by w.created_at, w.id`,
    [workspaceIds],
  );
}

export async function listAgents(db: Queryable, workspaceIds: string[]) {
  return db.query<{ id: string; workspace_id: string; name: string; description: string | null; status: string }>(
    'select id, workspace_id, name, description, status from agents where workspace_id = any($1) order by created_at, id',
    [workspaceIds],
  );
}

export async function accountWorkspaces(db: Queryable, accountId: string): Promise<WorkspaceRow[]> {
  return db.query<WorkspaceRow>('select id, account_id, name, slug, timezone, created_at from workspaces where account_id = $1 order by created_at, id', [accountId]);
}

/** Creates a workspace under the first free slug of its name's (see withFreeSlug). */
export async function createWorkspace(db: Queryable, accountId: string, input: { name: string; timezone: string }): Promise<WorkspaceRow> {
  return withFreeSlug(slugify(input.name, 'workspace'), async (slug) => {
    const [row] = await db.query<WorkspaceRow>(
      `insert into workspaces (id, account_id, name, slug, timezone) values ($1, $2, $3, $4, $5)
       on conflict (account_id, slug) do nothing returning id, account_id, name, slug, timezone, created_at`,
      [newId('workspace'), accountId, input.name, slug, input.timezone],
    );
    return row;
  });
}

/** Renames a workspace or changes its time zone; false when the account has no such workspace. */
export async function updateWorkspace(db: Queryable, accountId: string, id: string, input: { name: string; timezone: string }): Promise<boolean> {
  const rows = await db.query('update workspaces set name = $3, timezone = $4 where id = $1 and account_id = $2 returning id', [id, accountId, input.name, input.timezone]);
  return rows.length > 0;
}

export async function accountRateLimitOverride(db: Queryable, accountId: string) {
  const [row] = await db.query<{ rate_limits: { per_minute?: number; per_hour?: number; per_day?: number } | null }>('select rate_limits from accounts where id = $1', [accountId]);
  return row?.rate_limits ?? null;
}
