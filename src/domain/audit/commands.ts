import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import type { Principal } from '../tenancy/principal.ts';

/** One write, as the audit log keeps it. */
export interface AuditRecord {
  workspaceId: string;
  operation: string;
  target: { type: string; id: string };
  surface: 'mcp' | 'rest';
  requestId: string;
  idempotencyKey: string | undefined;
}

/** Records writes done by the principal, in the caller's transaction (so a failed write leaves no entry). */
export async function recordWrites(db: Queryable, principal: Principal, records: readonly AuditRecord[]): Promise<void> {
  for (const record of records) {
    await db.query(
      `insert into audit_log (id, account_id, workspace_id, actor_type, actor_id, actor_user_id, operation, target_type, target_id,
         surface, request_id, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        newId('audit'),
        principal.accountId,
        record.workspaceId,
        principal.credential.type,
        principal.credential.id,
        principal.credential.userId ?? null,
        record.operation,
        record.target.type,
        record.target.id,
        record.surface,
        record.requestId,
        record.idempotencyKey ?? null,
      ],
    );
  }
}
