import { buildOAuthProtectedResourceMetadata, isJsonContentType } from '@modelcontextprotocol/server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context } from 'hono';
import type Provider from 'oidc-provider';
import type { AppEnv } from '../request/context.ts';
import { INTERACTION_PATH, OAUTH_ROUTES } from './provider.ts';
import { withInferredApplicationType } from './registration.ts';
import { OAUTH_SCOPES, RESOURCE_SCOPES } from './scopes.ts';

/** The well-known URL of the MCP endpoint's protected-resource metadata (RFC 9728, path inserted). */
export function resourceMetadataUrl(mcpResource: string): string {
  const url = new URL(mcpResource);
  return `${url.origin}/.well-known/oauth-protected-resource${url.pathname}`;
}

/** Scopes for an authorization request that names none: everything an MCP client may do (writes stay opt-in at consent). */
const DEFAULT_SCOPE = RESOURCE_SCOPES.join(' ');

/**
 * What an authorization request leaves out, made explicit:
 * - no scope: the default scope, instead of an approval that grants nothing and fails;
 * - offline_access without prompt=consent: OpenID Connect would drop offline_access, and clients that do not send
 *   the prompt (most MCP clients) would get no refresh token and sign in again every hour. Parley asks for consent
 *   on every authorization anyway.
 */
export function withAuthorizationDefaults(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, 'http://parley');
  const scope = url.searchParams.get('scope')?.trim();
  if (!scope) url.searchParams.set('scope', DEFAULT_SCOPE);
  if (url.searchParams.get('scope')!.split(' ').includes('offline_access') && !url.searchParams.has('prompt'))
    url.searchParams.set('prompt', 'consent');
  const result = `${url.pathname}${url.search}`;
  return result === pathAndQuery ? pathAndQuery : result;
}

/**
 * Serves the authorization server: its discovery documents, and every `/oauth/*` endpoint but the interaction pages,
 * handed to oidc-provider on Node's own request and response. Also serves the MCP endpoint's protected-resource
 * metadata, which names this server as its authorization server.
 */
export function oauthRoutes(provider: Provider, options: { issuer: string; mcpResource: string }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const handle = provider.callback();
  const delegate = async (c: Context<AppEnv>, url?: string) => {
    if (url) c.env.incoming.url = url;
    await handle(c.env.incoming, c.env.outgoing);
    return RESPONSE_ALREADY_SENT;
  };

  const protectedResource = buildOAuthProtectedResourceMetadata({
    oauthMetadata: {
      issuer: options.issuer,
      authorization_endpoint: `${options.issuer}${OAUTH_ROUTES.authorization}`,
      token_endpoint: `${options.issuer}${OAUTH_ROUTES.token}`,
      response_types_supported: ['code'],
    },
    resourceServerUrl: new URL(options.mcpResource),
    scopesSupported: Object.keys(OAUTH_SCOPES),
    resourceName: 'Parley',
    serviceDocumentationUrl: new URL(`${options.issuer}/docs`),
    dangerouslyAllowInsecureIssuerUrl: !options.issuer.startsWith('https:'),
  });
  const metadataPath = new URL(resourceMetadataUrl(options.mcpResource)).pathname;
  for (const path of [metadataPath, '/.well-known/oauth-protected-resource']) {
    routes.get(path, (c) => {
      c.header('Access-Control-Allow-Origin', '*');
      return c.json(protectedResource);
    });
  }

  // RFC 8414 and OpenID discovery: the same document, served by the provider.
  routes.get('/.well-known/openid-configuration', (c) => delegate(c));
  routes.get('/.well-known/oauth-authorization-server', (c) => delegate(c, '/.well-known/openid-configuration'));

  // Registration: clients that do not say what they are get the application type their redirect URIs imply, so a
  // desktop client registering a private-use scheme beside loopback and https callbacks is not refused whole.
  // The body was read, within its size limit, by the input guard (src/http/input-guard.ts).
  routes.post(OAUTH_ROUTES.registration, async (c) => {
    if (!isJsonContentType(c.req.header('content-type'))) return delegate(c);
    let metadata: unknown;
    try {
      metadata = await c.req.json();
    } catch {
      return c.json({ error: 'invalid_client_metadata', error_description: 'The request body is not valid JSON.' }, 400);
    }
    // oidc-provider reads an already-parsed body from `req.body`.
    Object.assign(c.env.incoming, { body: withInferredApplicationType(metadata) });
    return delegate(c);
  });

  routes.get(OAUTH_ROUTES.authorization, (c) => {
    const url = c.env.incoming.url ?? '/';
    const normalized = withAuthorizationDefaults(url);
    return delegate(c, normalized === url ? undefined : normalized);
  });

  routes.all('/oauth/*', async (c, next) => {
    if (c.req.path.startsWith(`${INTERACTION_PATH}/`)) return next();
    return delegate(c);
  });
  return routes;
}
