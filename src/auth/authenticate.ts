import type { Database } from '../db/database.ts';
import { CREDENTIALS_CHANNEL } from '../domain/credentials/commands.ts';
import { hashKey, KEY_KIND_SCOPES, parseKey, type KeyKind } from '../keys/api-keys.ts';
import { LastUseRecorder } from './last-use.ts';
import { rateLimitsFrom, WORKSPACE_REFS_SQL, type Principal, type WorkspaceRef } from '../domain/tenancy/principal.ts';

export type AuthFailure = {
  status: 401 | 403;
  code: 'missing_credentials' | 'invalid_credentials' | 'key_kind_not_allowed';
  message: string;
};
export type AuthResult = { ok: true; principal: Principal } | ({ ok: false } & AuthFailure);

interface KeyRow {
  id: string;
  kind: KeyKind;
  name: string;
  account_id: string;
  account_name: string;
  account_slug: string;
  account_created_at: string;
  rate_limits: { per_minute?: number; per_hour?: number; per_day?: number } | null;
  revoked_at: string | null;
  workspaces: WorkspaceRef[] | null;
}

const CACHE_TTL_MS = 60_000;
const NEGATIVE_TTL_MS = 5_000;

/** Reads the bearer credential from `Authorization: Bearer` or `x-api-key`. */
export function credentialFrom(headers: Headers): string | undefined {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : authorization.trim();
  }
  return headers.get('x-api-key')?.trim() || undefined;
}

/**
 * Turns API keys into principals on the hot path: the format and checksum are checked without I/O, then one
 * indexed lookup by hash, cached briefly. Revocation clears the cache at once (here, and on other instances
 * through PostgreSQL NOTIFY), and last-use times are recorded in batches, never as a write per request.
 */
export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal | undefined; expires: number }>();
  private readonly lastUsed: LastUseRecorder;

  constructor(private readonly db: Database) {
    this.lastUsed = new LastUseRecorder(db, 'api_keys');
    db.listen(CREDENTIALS_CHANNEL, () => this.invalidate());
  }

  async authenticate(secret: string | undefined): Promise<AuthResult> {
    if (!secret)
      return {
        ok: false,
        status: 401,
        code: 'missing_credentials',
        message: 'Send an API key as "Authorization: Bearer <key>" or "x-api-key: <key>".',
      };
    if (!parseKey(secret)) return invalid();
    const hash = hashKey(secret);
    const now = Date.now();
    let entry = this.cache.get(hash);
    if (!entry || entry.expires < now) {
      const principal = await this.lookup(hash);
      entry = { principal, expires: now + (principal ? CACHE_TTL_MS : NEGATIVE_TTL_MS) };
      this.cache.set(hash, entry);
    }
    if (!entry.principal) return invalid();
    this.lastUsed.touch(entry.principal.credential.id, now);
    return { ok: true, principal: entry.principal };
  }

  /** Forgets every cached principal: after a revocation, or a workspace change that alters what keys may see. */
  invalidate(): void {
    this.cache.clear();
  }

  /** Writes the last-use times gathered since the previous flush, in one statement. */
  flushLastUsed(): Promise<void> {
    return this.lastUsed.flush();
  }

  private async lookup(hash: string): Promise<Principal | undefined> {
    const [row] = await this.db.query<KeyRow>(
      `select k.id, k.kind, k.name, k.account_id, a.name as account_name, a.slug as account_slug, a.created_at as account_created_at, a.rate_limits,
         k.revoked_at,
         (${WORKSPACE_REFS_SQL} where w.account_id = k.account_id and (k.workspace_id is null or w.id = k.workspace_id)) as workspaces
       from api_keys k join accounts a on a.id = k.account_id where k.secret_hash = $1`,
      [hash],
    );
    if (!row || row.revoked_at) return undefined;
    return {
      accountId: row.account_id,
      accountName: row.account_name,
      accountSlug: row.account_slug,
      accountCreatedAt: row.account_created_at,
      credential: { type: 'api_key', id: row.id, name: row.name, kind: row.kind },
      scopes: KEY_KIND_SCOPES[row.kind],
      workspaces: row.workspaces ?? [],
      rateLimitKey: `key:${row.id}`,
      rateLimits: rateLimitsFrom(row.rate_limits),
    };
  }
}

function invalid(): AuthResult {
  return { ok: false, status: 401, code: 'invalid_credentials', message: 'The API key is not valid: it is malformed, unknown or revoked.' };
}
