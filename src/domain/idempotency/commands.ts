import type { Queryable } from '../../db/database.ts';

/** How long a key answers retries; they are pruned after this (see jobs/maintenance.ts). */
export const IDEMPOTENCY_HOURS = 48;

export type Claim = { claimed: true } | { claimed: false; operation: string; requestHash: string; response: string | null };

/**
 * Claims an idempotency key for a write, in the write's transaction. The first claim wins; a concurrent claim of the
 * same key (another request, another instance) waits on the unique key until the first transaction ends, then
 * either claims it (the first rolled back) or reads what the first stored.
 */
export async function claimKey(db: Queryable, accountId: string, key: string, operation: string, requestHash: string): Promise<Claim> {
  const inserted = await db.query(
    `insert into idempotency_records (account_id, key, operation, request_hash, response) values ($1, $2, $3, $4, null)
     on conflict (account_id, key) do nothing returning key`,
    [accountId, key, operation, requestHash],
  );
  if (inserted.length > 0) return { claimed: true };
  const [prior] = await db.query<{ operation: string; request_hash: string; response: string | null }>(
    'select operation, request_hash, response from idempotency_records where account_id = $1 and key = $2',
    [accountId, key],
  );
  // Pruned between the two statements: too old to count as a retry; claim it afresh.
  if (!prior) return claimKey(db, accountId, key, operation, requestHash);
  return { claimed: false, operation: prior.operation, requestHash: prior.request_hash, response: prior.response };
}

/** Stores the answer the key's retries get, byte for byte. */
export async function storeAnswer(db: Queryable, accountId: string, key: string, response: string): Promise<void> {
  await db.query('update idempotency_records set response = $3 where account_id = $1 and key = $2', [accountId, key, response]);
}

/** Forgets keys past their time. */
export async function pruneKeys(db: Queryable): Promise<number> {
  const rows = await db.query(`delete from idempotency_records where created_at < now() - make_interval(hours => $1) returning 1`, [
    IDEMPOTENCY_HOURS,
  ]);
  return rows.length;
}
