import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { AppEnv } from '../request/context.ts';

/** The browser tracker (src/tracker/t.js, copied beside the compiled server by `npm run build`). */
const SCRIPT = readFileSync(new URL('../tracker/t.js', import.meta.url), 'utf8');
const ETAG = `"${createHash('sha256').update(SCRIPT).digest('base64url').slice(0, 16)}"`;

/** `GET /t.js`: cached by browsers for an hour, then revalidated by its ETag. */
export function trackerScriptRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/t.js', (c) => {
    const headers = { ETag: ETAG, 'Cache-Control': 'public, max-age=3600', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (c.req.header('if-none-match') === ETAG) return c.body(null, 304, headers);
    return c.body(SCRIPT, 200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  return routes;
}
