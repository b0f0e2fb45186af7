import type { MiddlewareHandler } from 'hono';
import { bearerAuthChallengeResponse, verifyBearerToken } from '@modelcontextprotocol/server';
import { credentialFrom, type Authenticator } from '../auth/authenticate.ts';
import { API_KEY_PREFIX } from '../keys/api-keys.ts';
import { principalOf, type OAuthAccessTokens } from '../oauth/verifier.ts';
import type { AppEnv } from '../request/context.ts';
import { jsonError } from '../request/errors.ts';

/**
 * Requires an API key that may read: no credential or a bad one is 401 with a Bearer challenge (naming the
 * protected-resource metadata when there is one), and a publishable key (browser ingest only, visible in page
 * source) is 403 key_kind_not_allowed.
 */
export function requireReader(authenticator: Authenticator, realm: string, resourceMetadataUrl?: string): MiddlewareHandler<AppEnv> {
  const metadata = resourceMetadataUrl ? `, resource_metadata="${resourceMetadataUrl}"` : '';
  return async (c, next) => {
    const result = await authenticator.authenticate(credentialFrom(c.req.raw.headers));
    if (!result.ok) {
      const error = result.code === 'missing_credentials' ? '' : ', error="invalid_token"';
      c.header('WWW-Authenticate', `Bearer realm="${realm}"${error}${metadata}`);
      return jsonError(c, result.status, result.code, result.message);
    }
    if (result.principal.credential.kind === 'publishable') {
      return jsonError(
        c,
        403,
        'key_kind_not_allowed',
        'Publishable keys (parley_pk_...) can only send tracking events from browsers; they cannot read data.',
        'Use a secret (parley_sk_), read-only (parley_rk_) or account (parley_ak_) key on the server side.',
      );
    }
    c.set('principal', result.principal);
    await next();
  };
}

/**
 * The `/mcp` gate: a Parley API key, or an OAuth access token issued for this MCP endpoint with `mcp:read`. OAuth
 * verification and its challenges are the MCP SDK's resource-server helpers: an unauthenticated call is 401 with
 * `resource_metadata`, so clients discover the authorization server from it, and a token without the scope is 403
 * `insufficient_scope` naming it.
 */
export function requireMcpCaller(
  authenticator: Authenticator,
  oauth: OAuthAccessTokens,
  options: { mcpResource: string; resourceMetadataUrl: string },
): MiddlewareHandler<AppEnv> {
  const apiKeys = requireReader(authenticator, 'parley-mcp', options.resourceMetadataUrl);
  const bearer = {
    verifier: oauth,
    expectedResource: new URL(options.mcpResource),
    resourceMetadataUrl: options.resourceMetadataUrl,
    requiredScopes: ['mcp:read'],
  };
  return async (c, next) => {
    if (credentialFrom(c.req.raw.headers)?.startsWith(API_KEY_PREFIX) || c.req.header('x-api-key') !== undefined) return apiKeys(c, next);
    try {
      const authInfo = await verifyBearerToken(c.req.header('authorization'), bearer);
      c.set('principal', principalOf(authInfo));
    } catch (error) {
      return bearerAuthChallengeResponse(error, bearer);
    }
    await next();
  };
}
