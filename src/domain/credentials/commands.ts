import type { Database, Queryable } from '../../db/database.ts';
import type { ApiKeyRow } from './schema.ts';
import { newId } from '../../ids.ts';
import { generateKey, type KeyKind } from '../../keys/api-keys.ts';

export class CredentialError extends Error {}

/** Creates a key and returns it with its secret, which is never stored and cannot be shown again. */
export async function createApiKey(db: Queryable, input: { accountId: string; workspaceId: string | null; kind: KeyKind; name: string }) {
  if ((input.kind === 'account') !== (input.workspaceId === null)) {
    throw new CredentialError(
      input.kind === 'account' ? 'An account-wide key cannot belong to a workspace.' : `A ${input.kind} key needs a workspace.`,
    );
  }
  if (input.workspaceId) {
    const [ws] = await db.query('select 1 from workspaces where id = $1 and account_id = $2', [input.workspaceId, input.accountId]);
    if (!ws) throw new CredentialError(`No workspace ${input.workspaceId} in this account.`);
  }
  const key = generateKey(input.kind);
  const [row] = await db.query<ApiKeyRow>(
    `insert into api_keys (id, account_id, workspace_id, kind, name, prefix, secret_hash) values ($1, $2, $3, $4, $5, $6, $7)
     returning id, account_id, workspace_id, kind, name, prefix, created_at, last_used_at, revoked_at`,
    [newId('apiKey'), input.accountId, input.workspaceId, input.kind, input.name, key.prefix, key.hash],
  );
  return { ...row!, secret: key.secret };
}

/** Every process caching credentials listens here and forgets them when told. */
export const CREDENTIALS_CHANNEL = 'parley_credentials';

/**
 * Revokes a key and tells every Parley process, so the next request with it fails wherever it lands.
 * Returns false when no such active key exists (in that account, when given).
 */
export async function revokeApiKey(db: Database, id: string, accountId?: string): Promise<boolean> {
  const rows = await db.query(
    `update api_keys set revoked_at = now() where id = $1 and revoked_at is null ${accountId ? 'and account_id = $2' : ''} returning id`,
    accountId ? [id, accountId] : [id],
  );
  if (rows.length > 0) await db.notify(CREDENTIALS_CHANNEL, id);
  return rows.length > 0;
}
