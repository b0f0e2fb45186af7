import type { Queryable } from '../../db/database.ts';

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
