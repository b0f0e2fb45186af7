import type { Queryable } from '../../db/database.ts';
import { Conditions, selectPage } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { AuditEntry } from './schema.ts';

/** Filters within the tenant's account and workspaces. */
export interface AuditFilter {
  start: Date;
  end: Date;
  actorId?: string | undefined;
  targetId?: string | undefined;
  operation?: string | undefined;
}

const COLUMNS = `a.id, a.workspace_id, a.actor_type, a.actor_id, a.actor_user_id, a.operation, a.target_type, a.target_id, a.surface,
  a.request_id, a.idempotency_key, a.created_at`;

/** Audit entries newest first, with the total that matched. */
export async function listAudit(db: Queryable, tenant: Tenant, filter: AuditFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`a.account_id = ${where.param(tenant.accountId)}`);
  where.add(`(a.workspace_id is null or a.workspace_id = any(${where.param(tenant.workspaceIds)}))`);
  where.add(`a.created_at >= ${where.param(filter.start)} and a.created_at < ${where.param(filter.end)}`);
  where.addIf(filter.actorId, (p) => `a.actor_id = ${p}`);
  where.addIf(filter.targetId, (p) => `a.target_id = ${p}`);
  where.addIf(filter.operation, (p) => `a.operation = ${p}`);
  return selectPage<AuditEntry>(db, { columns: COLUMNS, from: 'audit_log a', where, orderBy: 'a.created_at desc, a.id desc' }, page);
}
