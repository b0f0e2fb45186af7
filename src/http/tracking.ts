import type { MiddlewareHandler } from 'hono';
import { credentialFrom, type Authenticator } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { trackingOrigins } from '../domain/tenancy/queries.ts';
import type { AppEnv } from '../request/context.ts';
import { jsonError } from '../request/errors.ts';

const PUBLISHABLE_PREFIX = 'parley_pk_';

/**
 * The gate of `POST /api/v1/track`, the one route a browser reaches. Servers send a secret key as on any route. Pages
 * send the workspace's publishable key, in the `Authorization` header or, for `navigator.sendBeacon` (which sets no
 * headers), as `?key=`; such a request must come from an origin the workspace lists, gets CORS headers for it, and
 * counts against the key's rate limit per client address.
 * A preflight is answered for any origin: no key travels with it, and the request it clears is checked itself.
 */
export function trackingGate(authenticator: Authenticator, db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin ?? '*',
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'authorization, content-type, idempotency-key',
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      });
    }
    const fromQuery = c.req.query('key');
    const credential = credentialFrom(c.req.raw.headers) ?? fromQuery;
    if (fromQuery !== undefined && !fromQuery.startsWith(PUBLISHABLE_PREFIX))
      return jsonError(
        c,
        400,
        'invalid_argument',
        'Only a publishable key (parley_pk_...) may be sent in the URL.',
        'Send other keys in the Authorization header, from a server; revoke a key that was put in a URL.',
      );
    const result = await authenticator.authenticate(credential);
    if (!result.ok) {
      c.header('WWW-Authenticate', 'Bearer realm="parley-api"');
      return jsonError(c, result.status, result.code, result.message);
    }
    const principal = result.principal;
    if (principal.credential.kind === 'publishable') {
      const workspace = principal.workspaces[0]!;
      const allowed = await trackingOrigins(db, workspace.id);
      if (!origin || !(allowed.includes('*') || allowed.includes(origin)))
        return jsonError(
          c,
          403,
          'origin_not_allowed',
          origin
            ? `Pages at ${origin} may not send events to workspace ${workspace.slug}.`
            : 'A publishable key sends events from web pages only: this request names no Origin.',
          `Add the site's origin (such as https://www.example.com) to the workspace's tracking origins in the dashboard; servers use a secret key.`,
        );
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
      // Every visitor of a site sends with the same key: its rate limit holds per visitor's address, not for the site.
      c.set('principal', { ...principal, rateLimitKey: `${principal.rateLimitKey}:${c.get('clientAddress')}` });
      return next();
    }
    c.set('principal', principal);
    await next();
  };
}
