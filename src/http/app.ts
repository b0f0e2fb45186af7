import { randomUUID } from 'node:crypto';
import { Hono, type Context, type Next } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bearerAuthChallengeResponse, hostHeaderValidationResponse, isJsonContentType, localhostAllowedHostnames, OAuthError, OAuthErrorCode, originValidationResponse } from '@modelcontextprotocol/server';
import type { Authenticator } from '../auth/authenticate.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { missingScope } from '../mcp/scope-challenge.ts';
import { createMcpEndpoint } from '../mcp/server.ts';
import { createOAuthProvider } from '../oauth/provider.ts';
import { resourceMetadataUrl, oauthRoutes } from '../oauth/routes.ts';
import { stepUpScopes } from '../oauth/scopes.ts';
import type { ServerSecrets } from '../oauth/secrets.ts';
import type { OAuthAccessTokens } from '../oauth/verifier.ts';
import { TOOLSETS, type Toolset } from '../operations/define.ts';
import type { Invoker } from '../operations/invoke.ts';
import { docsPage } from '../rest/docs.ts';
import { openApiDocument } from '../rest/openapi.ts';
import { restRouter } from '../rest/router.ts';
import { webRoutes } from '../web/routes.ts';
import type { LoginAttempts } from '../limits/login-attempts.ts';
import { requireMcpCaller, requireReader } from './authenticate.ts';
import type { AppEnv } from './context.ts';
import { jsonError } from './errors.ts';
import { readJsonBody } from './json-body.ts';

export interface AppDeps extends Invoker {
  config: Config;
  db: Database;
  log: Logger;
  authenticator: Authenticator;
  loginAttempts: LoginAttempts;
  oauthTokens: OAuthAccessTokens;
  secrets: ServerSecrets;
}

const MAX_MCP_BODY_BYTES = 1024 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Requests still being answered; shutdown waits for them before the database closes (a client hanging up
  // does not stop the work its request started).
  let inflight = 0;
  let drained: (() => void) | undefined;
  const allowedHosts = [...localhostAllowedHostnames(), ...deps.config.allowedHosts];
  const mcp = createMcpEndpoint({ ...deps, fastPath: deps.config.mcpFastPath });
  const openapi = openApiDocument(`${deps.config.publicUrl}/api/v1`);
  const docs = docsPage();
  const issuer = deps.config.publicUrl;
  const mcpResource = `${issuer}/mcp`;
  const metadataUrl = resourceMetadataUrl(mcpResource);
  const provider = createOAuthProvider({ db: deps.db, log: deps.log, issuer, mcpResource, secrets: deps.secrets, clientMetadataPrivateNetwork: deps.config.clientMetadataPrivateNetwork });

  app.use(async (c, next) => {
    inflight++;
    try {
      return await handle(c, next);
    } finally {
      if (--inflight === 0) drained?.();
    }
  });

  const handle = async (c: Context<AppEnv>, next: Next) => {
    const requestId = `req_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    // DNS rebinding protection: a page on another site must not reach this server through a hostile DNS name.
    const rejected = hostHeaderValidationResponse(c.req.raw, allowedHosts);
    if (rejected) return rejected;
    const started = performance.now();
    await next();
    // A refused body was never read: the connection cannot carry another request, so tell the client.
    if (c.res.status === 413) c.res.headers.set('Connection', 'close');
    deps.log.info({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  };

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/docs', (c) => c.html(docs));
  app.route('/', oauthRoutes(provider, { issuer, mcpResource }));
  app.route('/', webRoutes({ db: deps.db, loginAttempts: deps.loginAttempts, rateLimiter: deps.rateLimiter, publicUrl: issuer, provider, mcpResource }));

  app.use('/mcp', async (c, next) => {
    const rejected = originValidationResponse(c.req.raw, allowedHosts);
    if (rejected) return rejected;
    await next();
  });
  app.use('/mcp', requireMcpCaller(deps.authenticator, deps.oauthTokens, { mcpResource, resourceMetadataUrl: metadataUrl }));
  app.all('/mcp', async (c) => {
    const requested = c.req.query('toolsets') ?? c.req.header('x-mcp-toolsets');
    const toolsets = requested === undefined ? undefined : parseToolsets(requested);
    if (toolsets instanceof Error) return jsonRpcError(400, -32600, toolsets.message);
    // The body is parsed here, from Node's stream, and handed to the SDK, which then reads and clones nothing.
    let parsedBody: unknown;
    if (c.req.method === 'POST' && isJsonContentType(c.req.header('content-type'))) {
      const body = await readJsonBody(c.env.incoming, MAX_MCP_BODY_BYTES);
      if (!body.ok) return jsonRpcError(body.status, body.status === 400 ? -32700 : -32000, body.message);
      parsedBody = body.value;
    }
    const principal = c.get('principal');
    const lacking = missingScope(principal, parsedBody);
    if (lacking) {
      const scopes = stepUpScopes(principal.scopes, lacking);
      const message = `This tool needs the ${scopes.at(-1)} scope; approve it for this app to use it.`;
      return bearerAuthChallengeResponse(new OAuthError(OAuthErrorCode.InsufficientScope, message), { requiredScopes: scopes, resourceMetadataUrl: metadataUrl });
    }
    return mcp.serve(c.req.raw, { principal, toolsets, requestId: c.get('requestId') }, parsedBody);
  });

  app.use('/api/v1/*', requireReader(deps.authenticator, 'parley-api'));
  app.route('/api/v1', restRouter(deps));

  app.notFound((c) => jsonError(c, 404, 'route_not_found', `No route ${c.req.method} ${c.req.path}.`, 'See /docs for the API reference.'));
  app.onError((error, c) => {
    // A middleware's own refusal (hono/csrf's cross-site form check, for one) keeps its 4xx status.
    if (error instanceof HTTPException && error.status < 500) {
      return jsonError(c, error.status as ContentfulStatusCode, error.status === 403 ? 'forbidden' : 'bad_request', error.message || 'The request was refused.');
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

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', id: null, error: { code, message } }, { status });
}

function parseToolsets(value: string): Set<Toolset> | Error {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(TOOLSETS as readonly string[]).includes(n));
  if (unknown.length > 0) return new Error(`Unknown toolset(s): ${unknown.join(', ')}. Known toolsets: ${TOOLSETS.join(', ')}.`);
  return new Set(names as Toolset[]);
}
