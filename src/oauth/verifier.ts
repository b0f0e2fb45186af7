import { OAuthError, OAuthErrorCode, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { LastUseRecorder } from '../auth/last-use.ts';
import { hashToken } from '../keys/tokens.ts';
import { rateLimitsFrom, WORKSPACE_REFS_SQL, type Principal, type WorkspaceRef } from '../domain/tenancy/principal.ts';
import type { Database } from '../db/database.ts';
import { parsedUrl } from '../parsed-url.ts';
import { operationScopes } from './scopes.ts';

interface TokenRow {
  payload: { aud?: string | string[]; scope?: string; clientId?: string; exp?: number };
  grant_id: string;
  user_id: string;
  user_role: 'owner' | 'admin' | 'member';
  account_id: string;
  account_name: string;
  account_slug: string;
  account_created_at: string;
  client_name: string | null;
  rate_limits: { per_minute?: number; per_hour?: number; per_day?: number } | null;
  workspaces: WorkspaceRef[] | null;
}

/** The Parley principal a verified OAuth token stands for, carried in `AuthInfo.extra`. */
export function principalOf(authInfo: AuthInfo): Principal {
  return authInfo.extra!.principal as Principal;
}

/**
 * Verifies OAuth access tokens for `/mcp`: one indexed lookup by the token's hash, joined to its grant (deleted on
 * revocation, so revocation holds from the very next request; nothing is cached). The grant fixes the account and
 * the workspaces chosen at consent; the token's scopes become operation scopes, and rate limits count per grant
 * (the token family). Last-use times are batched like API keys'.
 */
export class OAuthAccessTokens implements OAuthTokenVerifier {
  private readonly lastUsed: LastUseRecorder;

  constructor(private readonly db: Database) {
    this.lastUsed = new LastUseRecorder(db, 'oauth_grants');
  }

  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const [row] = await this.db.query<TokenRow>(
      `select t.payload, g.id as grant_id, g.user_id, u.role as user_role, g.account_id, a.name as account_name, a.slug as account_slug,
         a.created_at as account_created_at, a.rate_limits,
         coalesce(c.metadata->>'client_name', t.payload->>'clientId') as client_name,
         (${WORKSPACE_REFS_SQL} where w.account_id = g.account_id and w.id = any(g.workspace_ids)) as workspaces
       from oauth_objects t
       join oauth_grants g on g.id = t.grant_id
       join accounts a on a.id = g.account_id
       join users u on u.id = g.user_id
       left join oauth_clients c on c.client_id = g.client_id
       where t.model = 'AccessToken' and t.id_hash = $1 and t.expires_at > now()`,
      [hashToken(token)],
    );
    if (!row) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token is unknown, expired or revoked.');
    const scopes = (row.payload.scope ?? '').split(' ').filter(Boolean);
    const audience = Array.isArray(row.payload.aud) ? row.payload.aud[0] : row.payload.aud;
    const resource = audience === undefined ? null : parsedUrl(audience);
    this.lastUsed.touch(row.grant_id);
    const principal: Principal = {
      accountId: row.account_id,
      accountName: row.account_name,
      accountSlug: row.account_slug,
      accountCreatedAt: row.account_created_at,
      credential: { type: 'oauth', id: row.grant_id, name: row.client_name ?? 'OAuth app', userId: row.user_id, role: row.user_role },
      scopes: operationScopes(scopes),
      workspaces: row.workspaces ?? [],
      rateLimitKey: `grant:${row.grant_id}`,
      rateLimits: rateLimitsFrom(row.rate_limits),
    };
    return {
      token,
      clientId: row.payload.clientId ?? '',
      scopes,
      ...(row.payload.exp !== undefined && { expiresAt: row.payload.exp }),
      ...(resource && { resource }),
      extra: { principal },
    };
  }

  /** Writes the grants' last-use times gathered since the previous flush, in one statement. */
  flushLastUsed(): Promise<void> {
    return this.lastUsed.flush();
  }
}
