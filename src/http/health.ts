import { Hono } from 'hono';
import type { Redis } from 'ioredis';
import { RETRY_AFTER_SECONDS } from '../availability.ts';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../request/context.ts';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * What orchestrators and load balancers ask:
 * - `/livez`: the process serves HTTP (restart it when this fails); never touches a backend.
 * - `/readyz` and `/healthz`: it can answer requests now: the database answers a query and, when REDIS_URL is set,
 *   Redis a ping, each within 2 s. 200 `{"status":"ok"}`, or 503 with Retry-After and the failing check.
 */
export function healthRoutes(deps: { db: Database; redis: Redis | undefined }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/livez', (c) => c.json({ status: 'ok' }));
  const ready = async () => {
    const checks: Record<string, Promise<unknown>> = { database: deps.db.query('select 1') };
    if (deps.redis) checks.redis = deps.redis.ping();
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, (await withTimeout(check)) ? 'ok' : 'unavailable'] as const),
    );
    return Object.fromEntries(results);
  };
  for (const path of ['/readyz', '/healthz']) {
    routes.get(path, async (c) => {
      const checks = await ready();
      const ok = Object.values(checks).every((state) => state === 'ok');
      if (!ok) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json({ status: ok ? 'ok' : 'unavailable', checks }, ok ? 200 : 503);
    });
  }
  return routes;
}

/** Whether the check succeeded within the timeout. */
async function withTimeout(check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, CHECK_TIMEOUT_MS, false)));
  try {
    return await Promise.race([
      check.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
