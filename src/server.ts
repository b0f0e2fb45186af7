import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Redis } from 'ioredis';
import { Authenticator } from './auth/authenticate.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { startMaintenance } from './db/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { isEmpty, loadDemo, type DemoKey } from './demo/load.ts';
import { createApp } from './http/app.ts';
import { LoginAttempts } from './limits/login-attempts.ts';
import { RateLimiter } from './limits/rate-limit.ts';
import type { Logger } from './log.ts';

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  authenticator: Authenticator;
  /** Keys printed for the demo data loaded on this start, if it loaded any. */
  demoKeys: DemoKey[];
  stop(): Promise<void>;
}

const LAST_USED_FLUSH_MS = 15_000;
const SHUTDOWN_GRACE_MS = 10_000;

/** Opens the database, migrates, loads demo data into an empty one, and serves HTTP until stopped. */
export async function startServer(config: Config, log: Logger, options: { demoOnEmpty?: boolean } = {}): Promise<RunningServer> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'parley serve' });
  let redis: Redis | undefined;
  try {
    await migrate(db);
    const demoKeys = options.demoOnEmpty !== false && (await isEmpty(db)) ? (await loadDemo(db)).keys : [];
    redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: true }) : undefined;
    if (redis) await redis.connect();
    const authenticator = new Authenticator(db);
    const rateLimiter = new RateLimiter(redis);
    const loginAttempts = new LoginAttempts(redis);
    const { app, drain, close: closeMcp } = createApp({ config, db, log, authenticator, rateLimiter, loginAttempts });
    const stopMaintenance = startMaintenance(db, log);
    const flushTimer = setInterval(() => authenticator.flushLastUsed().catch((err) => log.warn({ err }, 'could not record key use')), LAST_USED_FLUSH_MS);
    flushTimer.unref();

    const server = await listen(app.fetch, config);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      port,
      db,
      authenticator,
      demoKeys,
      async stop() {
        clearInterval(flushTimer);
        stopMaintenance();
        // Stop accepting, let in-flight requests finish, then release the database.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await drain(SHUTDOWN_GRACE_MS);
        await closeMcp();
        server.closeAllConnections();
        await closed;
        await authenticator.flushLastUsed().catch(() => undefined);
        redis?.disconnect();
        await db.close();
      },
    };
  } catch (error) {
    redis?.disconnect();
    await db.close();
    throw error;
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(server)) as Server;
    server.once('error', reject);
  });
}
