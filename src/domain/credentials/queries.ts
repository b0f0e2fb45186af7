import type { Queryable } from '../../db/database.ts';
import type { ApiKeyRow } from './schema.ts';

export async function listApiKeys(db: Queryable, accountId?: string): Promise<ApiKeyRow[]> {
  return db.query<ApiKeyRow>(
    `select id, account_id, workspace_id, kind, name, prefix, created_at, last_used_at, revoked_at from api_keys
     ${accountId ? 'where account_id = $1' : ''} order by created_at, id`,
    accountId ? [accountId] : [],
  );
}
