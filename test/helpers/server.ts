import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { POSTGRES_URL, type Engine } from './engines.ts';

export interface TestServer extends RunningServer {
  /** The PostgreSQL URL (with its private schema) when on the postgres engine. */
  databaseUrl: string | undefined;
  keys: { northwind: string; northwindReadOnly: string; bluebird: string; bluebirdReadOnly: string };
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
 * A real Parley server on a free port with freshly generated demo data (unless `env` says DEMO_DATA otherwise): on the embedded engine in a temporary
 * directory, or on the PostgreSQL server in a schema of its own (dropped on stop), so runs never see each other.
 */
export async function startTestServer(engine: Engine, env: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  let databaseUrl: string | undefined;
  let schema: string | undefined;
  if (engine.name === 'postgres') {
    schema = `parley_test_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(options.postgresUrl ?? POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  }
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DEMO_DATA: 'on', ...(databaseUrl && { DATABASE_URL: databaseUrl }), ...env });
  const server = await startServer(config, options.log ?? createLogger(config.logLevel));
  // Empty when the server loaded no demo data (DEMO_DATA=off, or unset on PostgreSQL).
  const key = (account: string, kind: string) => server.demo?.keys.find((k) => k.account.startsWith(account) && k.kind === kind)?.secret ?? '';
  // The demo keys keep the default limits; tests that exercise many calls lift them for their account.
  await server.db.query("update accounts set rate_limits = '{\"per_minute\": 100000, \"per_hour\": 1000000, \"per_day\": 10000000}'");
  server.authenticator.invalidate();
  return {
    ...server,
    keys: { northwind: key('Northwind', 'account'), northwindReadOnly: key('Northwind', 'read_only'), bluebird: key('Bluebird', 'account'), bluebirdReadOnly: key('Bluebird', 'read_only') },
    databaseUrl,
    sql: (text, params) => server.db.query(text, params),
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`drop schema ${schema} cascade`);
        await admin.end();
      }
    },
  };
}
