import { randomUUID } from 'node:crypto';
import { Hono, type Context, type Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Redis } from 'ioredis';
import proxyaddr from 'proxy-addr';
import {
  bearerAuthChallengeResponse,
  hostHeaderValidationResponse,
  isJsonContentType,
  localhostAllowedHostnames,
  OAuthError,
  OAuthErrorCode,
  originValidationResponse,
} from '@modelcontextprotocol/server';
import type { Authenticator } from '../auth/authenticate.ts';
import { RETRY_AFTER_SECONDS, ServiceUnavailableError } from '../availability.ts';
import { describeInputProblem, findInputProblem } from '../input-rules.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { missingScope } from '../mcp/scope-challenge.ts';
import { parseSelection } from '../mcp/selection.ts';
import { surfaceOf } from '../metrics/metrics.ts';
import { createMcpEndpoint } from '../mcp/server.ts';
import { createOAuthProvider } from '../oauth/provider.ts';
import { resourceMetadataUrl, oauthRoutes } from '../oauth/routes.ts';
import { stepUpScopes } from '../oauth/scopes.ts';
import type { ServerSecrets } from '../oauth/secrets.ts';
import type { OAuthAccessTokens } from '../oauth/verifier.ts';
import type { Invoker } from '../operations/invoke.ts';
import { docsPage } from '../rest/docs.ts';
import { openApiDocument } from '../rest/openapi.ts';
import { API_PREFIX, restRouter } from '../rest/router.ts';
import { providerPages } from '../web/oauth-pages.ts';
import { webRoutes } from '../web/routes.ts';
import { pageSecurityHeaders } from '../web/security-headers.ts';
import type { LoginAttempts } from '../limits/login-attempts.ts';
import { trackerScriptRoutes } from './tracker-script.ts';
import { trackingGate } from './tracking.ts';
import { requireMcpCaller, requireReader } from './authenticate.ts';
import type { AppEnv } from '../request/context.ts';
import { jsonError } from '../request/errors.ts';
import { healthRoutes } from './health.ts';
import { inputGuard } from './input-guard.ts';
import { readJsonBody } from '../request/json-body.ts';

export interface AppDeps extends Invoker {
  config: Config;
  db: Database;
  redis: Redis | undefined;
  log: Logger;
  authenticator: Authenticator;
  loginAttempts: LoginAttempts;
  oauthTokens: OAuthAccessTokens;
  secrets: ServerSecrets;
}

const MAX_MCP_BODY_BYTES = 1024 * 1024;
/** What a forwarded X-Request-Id may look like to be reused (UUIDs, ULIDs, most proxies' ids). */
const REQUEST_ID = /^[\w.:-]{8,128}$/;
/** Dashboard forms and authorization-server requests: oidc-provider's own limit. */
const MAX_FORM_BODY_BYTES = 56 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Requests still being answered; shutdown waits for them before the database closes (a client hanging up
  // does not stop the work its request started).
  let inflight = 0;
  let drained: (() => void) | undefined;
  const allowedHosts = [...localhostAllowedHostnames(), ...deps.config.allowedHosts];
  const trust = proxyaddr.compile(deps.config.trustedProxies);
  const trustsProxies = deps.config.trustedProxies.length > 0;
  const mcp = createMcpEndpoint({ ...deps, fastPath: deps.config.mcpFastPath });
  const openapi = openApiDocument(deps.config.publicUrl);
  const docs = docsPage();
  const issuer = deps.config.publicUrl;
  const mcpResource = `${issuer}/mcp`;
  const metadataUrl = resourceMetadataUrl(mcpResource);
  const provider = createOAuthProvider({
    db: deps.db,
    log: deps.log,
    issuer,
    mcpResource,
    secrets: deps.secrets,
    clientMetadataPrivateNetwork: deps.config.clientMetadataPrivateNetwork,
    pages: providerPages,
  });

  app.use(async (c, next) => {
    inflight++;
    try {
      return await handle(c, next);
    } finally {
      if (--inflight === 0) drained?.();
    }
  });

  const handle = async (c: Context<AppEnv>, next: Next) => {
    // A proxy's request id, when well-formed, so its logs and Parley's join up; otherwise one of our own.
    const forwarded = c.req.header('x-request-id');
    const requestId = forwarded && REQUEST_ID.test(forwarded) ? forwarded : `req_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    c.set('requestId', requestId);
    c.set('clientAddress', trustsProxies ? proxyaddr(c.env.incoming, trust) : (c.env.incoming.socket.remoteAddress ?? 'unknown'));
    c.header('X-Request-Id', requestId);
    // DNS rebinding protection: a page on another site must not reach this server through a hostile DNS name.
    const rejected = hostHeaderValidationResponse(c.req.raw, allowedHosts);
    if (rejected) return rejected;
    const started = performance.now();
    await next();
    // A refused body was never read: the connection cannot carry another request, so tell the client.
    if (c.res.status === 413) c.res.headers.set('Connection', 'close');
    const ms = performance.now() - started;
    deps.metrics?.request(surfaceOf(c.req.path), c.res.status, ms / 1000);
    deps.log.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms) }, 'request');
  };

  app.route('/', healthRoutes(deps));
  app.use(
    inputGuard({
      maxBodyBytes: MAX_FORM_BODY_BYTES,
      bodyCheckedDownstream: (path) => path === '/mcp' || path.startsWith(`${API_PREFIX}/`),
    }),
  );
  app.get('/openapi.json', (c) => c.json(openapi));
  app.route('/', trackerScriptRoutes());
  app.get('/docs', pageSecurityHeaders(issuer.startsWith('https:')), (c) => c.html(docs));
  app.route('/', oauthRoutes(provider, { issuer, mcpResource }));
  app.route(
    '/',
    webRoutes({ db: deps.db, loginAttempts: deps.loginAttempts, rateLimiter: deps.rateLimiter, publicUrl: issuer, provider, mcpResource }),
  );

  app.use('/mcp', async (c, next) => {
    const rejected = originValidationResponse(c.req.raw, allowedHosts);
    if (rejected) return rejected;
    await next();
  });
  app.use('/mcp', requireMcpCaller(deps.authenticator, deps.oauthTokens, { mcpResource, resourceMetadataUrl: metadataUrl }));
  app.all('/mcp', async (c) => {
    const selection = parseSelection({
      toolsets: c.req.query('toolsets') ?? c.req.header('x-mcp-toolsets'),
      tools: c.req.query('tools') ?? c.req.header('x-mcp-tools'),
    });
    if (selection instanceof Error) return jsonRpcError(400, -32600, selection.message);
    // The body is parsed here, from Node's stream, and handed to the SDK, which then reads and clones nothing.
    let parsedBody: unknown;
    if (c.req.method === 'POST' && isJsonContentType(c.req.header('content-type'))) {
      const body = await readJsonBody(c.env.incoming, MAX_MCP_BODY_BYTES);
      if (!body.ok) return jsonRpcError(body.status, body.status === 400 ? -32700 : -32000, body.message);
      parsedBody = body.value;
      // The SDK's parser would drop a "__proto__" argument on 2025-era requests (its copy sets a prototype) while the
      // 2026 path refuses it: refuse it here for both, with anything nested too deep to walk. Bad text is left to the
      // invoker, which names the argument in a tool error a model can act on.
      const problem = findInputProblem(parsedBody);
      if (problem && problem.kind !== 'text')
        return jsonRpcError(400, -32602, `Invalid params: ${describeInputProblem(problem, 'message')}`, requestId(parsedBody));
    }
    const principal = c.get('principal');
    const lacking = missingScope(principal, parsedBody);
    if (lacking) {
      const scopes = stepUpScopes(principal.scopes, lacking);
      const message = `This tool needs the ${scopes.at(-1)} scope; approve it for this app to use it.`;
      return bearerAuthChallengeResponse(new OAuthError(OAuthErrorCode.InsufficientScope, message), {
        requiredScopes: scopes,
        resourceMetadataUrl: metadataUrl,
      });
    }
    return mcp.serve(c.req.raw, { principal, selection, requestId: c.get('requestId') }, parsedBody);
  });

  // Tracking takes publishable keys from browsers besides the server keys every route takes.
  const reader = requireReader(deps.authenticator, 'parley-api');
  app.use(`${API_PREFIX}/track`, trackingGate(deps.authenticator, deps.db));
  app.use(`${API_PREFIX}/*`, (c, next) => (c.req.path === `${API_PREFIX}/track` ? next() : reader(c, next)));
  app.route(API_PREFIX, restRouter(deps));

  app.notFound((c) => jsonError(c, 404, 'route_not_found', `No route ${c.req.method} ${c.req.path}.`, 'See /docs for the API reference.'));
  app.onError((error, c) => {
    // A middleware's own refusal (hono/csrf's cross-site form check, for one) keeps its 4xx status.
    if (error instanceof HTTPException && error.status < 500) {
      return jsonError(
        c,
        error.status as ContentfulStatusCode,
        error.status === 403 ? 'forbidden' : 'bad_request',
        error.message || 'The request was refused.',
      );
    }
    if (error instanceof ServiceUnavailableError) {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return jsonError(c, 503, 'unavailable', error.message);
    }
    deps.log.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return jsonError(c, 500, 'internal', `Internal error (request id ${c.get('requestId')}).`);
  });
  /** Resolves once no request is in flight (or after `timeoutMs`). */
  const drain = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      if (inflight === 0) return resolve();
      const timer = setTimeout(resolve, timeoutMs);
      drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  return { app, drain, close: mcp.close };
}

function jsonRpcError(status: number, code: number, message: string, id: unknown = null): Response {
  return Response.json({ jsonrpc: '2.0', id, error: { code, message } }, { status });
}

/** The id of a single JSON-RPC request, to answer it by; null for anything else. */
function requestId(message: unknown): unknown {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
