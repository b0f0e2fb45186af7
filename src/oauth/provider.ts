import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { RETRY_AFTER_SECONDS, ServiceUnavailableError } from '../availability.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { oauthAdapter } from './adapter.ts';
import { OAUTH_SCOPES, RESOURCE_SCOPES } from './scopes.ts';
import type { ServerSecrets } from './secrets.ts';

export const ACCESS_TOKEN_SECONDS = 3600;
const DAY = 86_400;

/** Where the authorization server's endpoints live, under one prefix beside the dashboard and the API. */
export const OAUTH_ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  registration: '/oauth/register',
  revocation: '/oauth/revoke',
  jwks: '/oauth/jwks',
  introspection: '/oauth/introspect',
  end_session: '/oauth/logout',
  pushed_authorization_request: '/oauth/par',
  userinfo: '/oauth/userinfo',
} as const;

export const INTERACTION_PATH = '/oauth/interaction';

export interface OAuthProviderOptions {
  db: Database;
  log: Logger;
  issuer: string;
  /** The MCP endpoint's URL: the only resource tokens are issued for (RFC 8707), and their audience. */
  mcpResource: string;
  secrets: ServerSecrets;
  /** Fetch Client ID Metadata Documents from private and loopback addresses too (see CLIENT_METADATA_PRIVATE_NETWORK). */
  clientMetadataPrivateNetwork: boolean;
  pages: ProviderPages;
}

/** The pages oidc-provider renders itself, written by the web layer in Parley's layout, with its page headers. */
export interface ProviderPages {
  /** When an authorization request cannot go back to the app (bad client, bad redirect URI). */
  error(error: string, description: string | undefined): string;
  /** An app asked to sign the person out; `form` is the provider's own (with its token). */
  logout(host: string, form: string): string;
  signedOut(): string;
  /** The security headers every Parley page carries. */
  headers: Readonly<Record<string, string>>;
}

/**
 * The OAuth 2.1 authorization server: oidc-provider (OpenID Certified), configured for MCP clients. Parley writes
 * only its storage adapter, the sign-in and consent pages, and the mapping of grants to principals.
 * - authorization code with PKCE S256 required; public clients; exact redirect URIs, loopback ports may vary for
 *   native clients (RFC 8252);
 * - open Dynamic Client Registration (RFC 7591, with `registration_client_uri` and its read endpoint) and Client ID
 *   Metadata Documents;
 * - one resource, the MCP endpoint: opaque access tokens bound to it, so revocation is immediate;
 * - refresh tokens rotate on every use (see the adapter for the grace rule and replay detection);
 * - every authorization asks for consent, and each approval is its own grant (a connected app).
 */
export function createOAuthProvider(options: OAuthProviderOptions): Provider {
  const { db, mcpResource, pages } = options;
  const resourceAliases = new Set([mcpResource, `${mcpResource}/`]);
  const configuration: Configuration = {
    adapter: (model: string) => oauthAdapter(db, model),
    clients: [],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      id_token_signed_response_alg: 'ES256',
    },
    // OAuth 2.1: the authorization code flow only (no implicit or hybrid responses).
    responseTypes: ['code'],
    scopes: ['openid', ...Object.keys(OAUTH_SCOPES)],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    async findAccount(_ctx, id) {
      const [user] = await db.query<{ id: string; email: string; name: string }>('select id, email, name from users where id = $1', [id]);
      if (!user) return undefined;
      return { accountId: user.id, claims: () => ({ sub: user.id, email: user.email, name: user.name }) };
    },
    cookies: {
      keys: options.secrets.cookieKeys,
      long: { httpOnly: true, sameSite: 'lax', secure: options.issuer.startsWith('https:') },
      short: { httpOnly: true, sameSite: 'lax', secure: options.issuer.startsWith('https:') },
    },
    jwks: { keys: options.secrets.signingKeys },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}` },
    // Always ask: a person sees which app they connect and picks its workspaces every time.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    pkce: { required: () => true },
    routes: OAUTH_ROUTES,
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    ttl: {
      AccessToken: ACCESS_TOKEN_SECONDS,
      AuthorizationCode: 60,
      Interaction: 3600,
      Session: 14 * DAY,
      Grant: 365 * DAY,
      // Sliding: every rotation starts a new 30 days; a client unused for 30 days signs in again.
      RefreshToken: 30 * DAY,
    },
    // Browser-based clients (MCP Inspector, web agents) call the token endpoint cross-origin; their tokens are not
    // cookies, so answering them does not expose anything a page could ride on.
    clientBasedCORS: () => true,
    // The provider hands its fetch an SSRF-guarding dispatcher that refuses private addresses; a deployment whose
    // clients publish their metadata on its own network drops the guard.
    ...(options.clientMetadataPrivateNetwork && {
      fetch: (url: URL | string, init: RequestInit) => fetch(url, { ...init, dispatcher: undefined } as RequestInit),
    }),
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true, initialAccessToken: false, issueRegistrationAccessToken: true },
      // A client revokes only its own tokens; another public client's attempt is ignored (RFC 7009 answers 200).
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      introspection: { enabled: false },
      userinfo: { enabled: false },
      // Switching people mid-authorization makes the provider end its own session first (an auto-submitted form to
      // the logout confirmation), so RP-initiated logout is on; its pages wear Parley's layout.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => renderPage(ctx, pages, pages.logout(ctx.host, form)),
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => renderPage(ctx, pages, pages.signedOut()),
      },
      clientIdMetadataDocument: { enabled: true, ack: 'draft-02' },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => mcpResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (!resourceAliases.has(resource)) throw new errors.InvalidTarget(`this server issues tokens only for ${mcpResource}`);
          return {
            scope: RESOURCE_SCOPES.join(' '),
            audience: mcpResource,
            accessTokenTTL: ACCESS_TOKEN_SECONDS,
            accessTokenFormat: 'opaque',
          };
        },
      },
    },
    renderError: async (ctx: KoaContextWithOIDC, out) =>
      renderPage(ctx, pages, pages.error(String(out.error), typeof out.error_description === 'string' ? out.error_description : undefined)),
  } as Configuration;
  const provider = new Provider(options.issuer, configuration);
  // Behind a TLS-terminating proxy the provider must believe X-Forwarded-Proto to build https URLs.
  provider.proxy = options.issuer.startsWith('https:');
  provider.on('server_error', (ctx: KoaContextWithOIDC, err: Error) => {
    if (err instanceof ServiceUnavailableError) return answerUnavailable(ctx, pages, err);
    options.log.error({ err }, 'authorization server error');
  });
  // Refused requests are the client's problem, but their detail (which the client is not told) helps support.
  const refused = (event: string) => (_ctx: unknown, err: errors.OIDCProviderError) =>
    options.log.debug({ event, error: err.error, detail: err.error_detail, cause: causes(err) }, 'OAuth request refused');
  provider.on('authorization.error', refused('authorization.error'));
  provider.on('grant.error', refused('grant.error'));
  provider.on('registration_create.error', refused('registration_create.error'));
  provider.on('revocation.error', refused('revocation.error'));
  return provider;
}

/**
 * A database outage is no server error: the answer already rendered becomes 503 with Retry-After and OAuth's
 * `temporarily_unavailable`, so clients retry instead of giving up (the outage itself is logged once, by the database).
 */
function answerUnavailable(ctx: KoaContextWithOIDC, pages: ProviderPages, err: ServiceUnavailableError): void {
  ctx.status = 503;
  ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  if (typeof ctx.body === 'string') renderPage(ctx, pages, pages.error('temporarily_unavailable', err.message));
  else ctx.body = { error: 'temporarily_unavailable', error_description: err.message };
}

/** A page the provider renders, with the same security headers as every other Parley page. */
function renderPage(ctx: KoaContextWithOIDC, pages: ProviderPages, body: string): void {
  ctx.set(pages.headers);
  ctx.type = 'html';
  ctx.body = body;
}

/** The messages of an error's cause chain ("fetch failed: ...: hostname resolves to a special-use IP address"). */
function causes(error: unknown): string | undefined {
  const messages: string[] = [];
  for (let cause = (error as { cause?: unknown }).cause; cause instanceof Error && messages.length < 5; cause = cause.cause)
    messages.push(cause.message);
  return messages.length > 0 ? messages.join(': ') : undefined;
}
