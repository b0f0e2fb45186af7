import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { testDatabase, type DemoKeys } from './demo.ts';
import type { Engine } from './engines.ts';

export interface TestServer extends RunningServer {
  /** The URL of its own PostgreSQL database, on the postgres engine. */
  databaseUrl: string | undefined;
  keys: DemoKeys;
  /** SQL straight to the same database, to check answers against. */
  sql<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface TestServerOptions {
  /** Where the server logs (default: stderr at TEST_LOG_LEVEL, silent unless set). */
  log?: Logger;
  /** The PostgreSQL server the Parley server connects to, when not POSTGRES_URL itself (a proxy to it, say). */
  postgresUrl?: string;
}

/**
 * A real Parley server on a free port, on a database of its own (see testDatabase): a copy of the demo data, or, when
 * `env` sets DEMO_DATA, an empty database the server treats as its first start would.
 */
export async function startTestServer(
  engine: Engine,
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const copied = env.DEMO_DATA === undefined;
  const database = await testDatabase(engine, { demo: copied, postgresUrl: options.postgresUrl });
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: database.dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
    ...env,
  });
  const server = await startServer(config, options.log ?? createLogger(config.logLevel)).catch(async (error: unknown) => {
    await database.dispose();
    throw error;
  });
  const key = (account: string, kind: string) =>
    server.demo?.keys.find((k) => k.account.startsWith(account) && k.kind === kind)?.secret ?? '';
  return {
    ...server,
    // Empty when the server has no demo data (DEMO_DATA=off, or unset on PostgreSQL).
    keys: database.keys ?? {
      northwind: key('Northwind', 'account'),
      northwindReadOnly: key('Northwind', 'read_only'),
      bluebird: key('Bluebird', 'account'),
      bluebirdReadOnly: key('Bluebird', 'read_only'),
    },
    databaseUrl: database.databaseUrl,
    sql: (text, params) => server.db.query(text, params),
    async stop() {
      await server.stop();
      await database.dispose();
    },
  };
}
