import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import type { Redis } from 'ioredis';
import { Authenticator } from './auth/authenticate.ts';
import { ServiceUnavailableError } from './availability.ts';
import { loadServerSecrets } from './oauth/secrets.ts';
import { OAuthAccessTokens } from './oauth/verifier.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { startMaintenance } from './jobs/maintenance.ts';
import { migrate } from './db/migrate.ts';
import { isEmpty, loadDemo, type DemoAccess } from './demo/load.ts';
import { createApp } from './http/app.ts';
import { LoginAttempts } from './limits/login-attempts.ts';
import { RateLimiter } from './limits/rate-limit.ts';
import { connectRedis } from './limits/redis.ts';
import { UsageRecorder } from './limits/usage.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics/metrics.ts';
import { serveMetrics } from './metrics/server.ts';

export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  authenticator: Authenticator;
  /** Writes the batched last-use times and usage counts now (they are otherwise flushed every 15 s). */
  flushUse(): Promise<unknown>;
  /** Where Prometheus metrics are served, when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  /** Keys and an invitation printed for the demo data loaded on this start, if it loaded any. */
  demo: DemoAccess | undefined;
  stop(): Promise<void>;
}

/** How often last-use times and usage counts are written (batched, never per request). */
const USE_FLUSH_MS = 15_000;
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Opens the database, migrates, loads demo data into an empty one when asked (DEMO_DATA; by default only on the
 * embedded engine, so a production PostgreSQL never gets demo tenants or their keys in its logs), and serves HTTP
 * until stopped.
 */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const open = () =>
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      command: 'parley serve',
      idleTimeoutMs: config.databaseIdleTimeoutMs,
      embeddedSharedBuffers: config.embeddedSharedBuffers,
      log,
    });
  let db = await open();
  let redis: Redis | undefined;
  let server: Server | undefined;
  let metricsServer: Server | undefined;
  try {
    redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
    await migrate(db);
    const demo = (config.demoData ?? db.engine === 'embedded') && (await isEmpty(db)) ? await loadDemo(db) : undefined;
    if (demo && db.engine === 'embedded') {
      // The load grew the embedded engine's WebAssembly memory, which is never given back while its worker lives.
      await db.close();
      db = await open();
    }
    const authenticator = new Authenticator(db);
    const oauthTokens = new OAuthAccessTokens(db);
    const secrets = await loadServerSecrets(db);
    const rateLimiter = new RateLimiter(redis);
    const loginAttempts = new LoginAttempts(redis);
    const usage = new UsageRecorder(db);
    const metrics = config.metricsPort === undefined ? undefined : new Metrics(() => db.poolState());
    if (metrics) metricsServer = await serveMetrics(metrics, config.metricsPort!, config.host);
    // Bind first: a port-0 start (tests, benchmarks) learns its port, and so its local public URL, only then.
    let handler: FetchHandler = () => new Response('Starting', { status: 503 });
    const http = await listen((request, env) => handler(request, env), config);
    server = http;
    const address = http.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const publicUrl = config.publicUrl.endsWith(':0') ? `http://localhost:${port}` : config.publicUrl;
    const {
      app,
      drain,
      close: closeMcp,
    } = createApp({
      config: { ...config, publicUrl },
      db,
      redis,
      log,
      authenticator,
      oauthTokens,
      secrets,
      rateLimiter,
      loginAttempts,
      usage,
      metrics,
    });
    handler = app.fetch;
    const stopMaintenance = startMaintenance(db, log);
    const flushUse = () =>
      Promise.all([authenticator.flushLastUsed(), oauthTokens.flushLastUsed(), usage.flush()]).catch((err) => {
        // An outage is logged once by the database itself; the counts wait for the next flush.
        if (!(err instanceof ServiceUnavailableError)) log.warn({ err }, 'could not record key use');
      });
    const flushTimer = setInterval(flushUse, USE_FLUSH_MS);
    flushTimer.unref();

    const origin = (listening: Server) =>
      `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${(listening.address() as AddressInfo).port}`;
    return {
      url: origin(http),
      metricsUrl: metricsServer && `${origin(metricsServer)}/metrics`,
      port,
      db,
      authenticator,
      flushUse,
      demo,
      async stop() {
        clearInterval(flushTimer);
        stopMaintenance();
        // Stop accepting, let in-flight requests finish, then release the database.
        const closed = new Promise<void>((resolve) => http.close(() => resolve()));
        await drain(SHUTDOWN_GRACE_MS);
        await closeMcp();
        http.closeAllConnections();
        await closed;
        metricsServer?.close();
        await flushUse();
        redis?.disconnect();
        await db.close();
      },
    };
  } catch (error) {
    server?.close();
    metricsServer?.close();
    redis?.disconnect();
    await db.close().catch(() => undefined); // already closed when reopening it failed: the first error is the one to tell
    throw error;
  }
}

type FetchHandler = (request: Request, env: HttpBindings) => Response | Promise<Response>;

function listen(fetch: FetchHandler, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Parley serves HTTP/1.1 only, so the bindings are always Node's IncomingMessage ones.
    const server = serve({ fetch: (request, env) => fetch(request, env as HttpBindings), port: config.port, hostname: config.host }, () =>
      resolve(server),
    ) as Server;
    server.once('error', reject);
  });
}
