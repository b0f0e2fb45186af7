/** Starts Parley with demo data for a benchmark and reports its URL, a key and its start-up time on stdout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { startServer } from '../src/server.ts';

const started = performance.now();
const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
const config = loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const server = await startServer(config, createLogger(config.logLevel));
const readyMs = performance.now() - started;
// Benchmarks measure throughput, not the rate limiter's refusals.
await server.db.query(`update accounts set rate_limits = '{"per_minute": 100000000, "per_hour": 100000000, "per_day": 100000000}'`);
const key = server.demo?.keys.find((k) => k.kind === 'account' && k.account.startsWith('Northwind'))?.secret ?? process.env.BENCH_KEY;
server.authenticator.invalidate();
process.stdout.write(`${JSON.stringify({ url: server.url, key, readyMs, dataDir, engine: server.db.engine })}\n`);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
