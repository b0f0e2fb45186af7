import type { Queryable } from '../../db/database.ts';
import type { WorkspaceRow } from './schema.ts';
import type { Tenant } from './tenant.ts';

export async function listWorkspaces(db: Queryable, tenant: Tenant) {
  return db.query<WorkspaceRow & { agent_count: number }>(
    `select w.id, w.account_id, w.name, w.slug, w.timezone, w.created_at,
       (select count(*) from agents a where a.workspace_id = w.id) as agent_count
     from workspaces w where w.id = any($1) order by w.created_at, w.id`,
    [tenant.workspaceIds],
  );
}

export async function listAgents(db: Queryable, tenant: Tenant) {
  return db.query<{ id: string; workspace_id: string; name: string; description: string | null; status: string }>(
    'select id, workspace_id, name, description, status from agents where workspace_id = any($1) order by created_at, id',
    [tenant.workspaceIds],
  );
}

/** An account's workspaces, for its signed-in members in the dashboard. */
export async function accountWorkspaces(db: Queryable, accountId: string): Promise<WorkspaceRow[]> {
  return db.query<WorkspaceRow>(
    'select id, account_id, name, slug, timezone, tracking_origins, created_at from workspaces where account_id = $1 order by created_at, id',
    [accountId],
  );
}

export async function accountRateLimitOverride(db: Queryable, accountId: string) {
  const [row] = await db.query<{ rate_limits: { per_minute?: number; per_hour?: number; per_day?: number } | null }>(
    'select rate_limits from accounts where id = $1',
    [accountId],
  );
  return row?.rate_limits ?? null;
}

/** The web origins whose pages may send a workspace events with its publishable key. */
export async function trackingOrigins(db: Queryable, workspaceId: string): Promise<string[]> {
  const [row] = await db.query<{ tracking_origins: string[] }>('select tracking_origins from workspaces where id = $1', [workspaceId]);
  return row?.tracking_origins ?? [];
}
