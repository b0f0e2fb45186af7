import { Hono } from 'hono';
import type Provider from 'oidc-provider';
import { csrf } from 'hono/csrf';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../request/context.ts';
import type { LoginAttempts } from '../limits/login-attempts.ts';
import type { RateLimiter } from '../limits/rate-limit.ts';
import { authRoutes } from './auth-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { INTERACTION_PATH } from '../oauth/provider.ts';
import { oauthPages } from './oauth-routes.ts';
import { pageSecurityHeaders } from './security-headers.ts';
import { loadSession } from './session.ts';

const PAGES = [
  '/',
  '/signup',
  '/login',
  '/logout',
  '/workspaces',
  '/workspaces/*',
  '/keys',
  '/keys/*',
  '/invitations',
  '/invitations/*',
  '/invite/*',
  '/connected-apps',
  '/connected-apps/*',
  `${INTERACTION_PATH}/*`,
];

/**
 * The dashboard: server-rendered pages, no front-end build. Forms are protected twice against cross-site posts:
 * the Origin / Sec-Fetch-Site check of hono/csrf, and a per-session token in every signed-in form.
 */
export function webRoutes(deps: {
  db: Database;
  loginAttempts: LoginAttempts;
  rateLimiter: RateLimiter;
  publicUrl: string;
  provider: Provider;
  mcpResource: string;
}): Hono<AppEnv> {
  const web = new Hono<AppEnv>();
  const publicOrigin = new URL(deps.publicUrl).origin;
  const sameSite = csrf({ origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin });
  const https = deps.publicUrl.startsWith('https:');
  const headers = pageSecurityHeaders(https);
  for (const path of PAGES) web.use(path, headers, sameSite, loadSession(deps.db));
  const secureCookies = https;
  web.route('/', authRoutes({ db: deps.db, loginAttempts: deps.loginAttempts, secureCookies }));
  web.route(
    '/',
    oauthPages({ db: deps.db, provider: deps.provider, mcpResource: deps.mcpResource, loginAttempts: deps.loginAttempts, secureCookies }),
  );
  web.route('/', dashboardRoutes({ db: deps.db, publicUrl: deps.publicUrl, rateLimiter: deps.rateLimiter }));
  return web;
}
