import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import { slugify, withFreeSlug } from '../slug.ts';
import type { WorkspaceRow } from './schema.ts';

/** Creates a workspace under the first free slug of its name's (see withFreeSlug). */
export async function createWorkspace(db: Queryable, accountId: string, input: { name: string; timezone: string }): Promise<WorkspaceRow> {
  return withFreeSlug(slugify(input.name, 'workspace'), async (slug) => {
    const [row] = await db.query<WorkspaceRow>(
      `insert into workspaces (id, account_id, name, slug, timezone) values ($1, $2, $3, $4, $5)
       on conflict (account_id, slug) do nothing returning id, account_id, name, slug, timezone, tracking_origins, created_at`,
      [newId('workspace'), accountId, input.name, slug, input.timezone],
    );
    return row;
  });
}

/** Renames a workspace or changes its time zone or tracking origins; false when the account has no such workspace. */
export async function updateWorkspace(
  db: Queryable,
  accountId: string,
  id: string,
  input: { name: string; timezone: string; trackingOrigins: string[] },
): Promise<boolean> {
  const rows = await db.query(
    'update workspaces set name = $3, timezone = $4, tracking_origins = $5 where id = $1 and account_id = $2 returning id',
    [id, accountId, input.name, input.timezone, input.trackingOrigins],
  );
  return rows.length > 0;
}
