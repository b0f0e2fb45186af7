/** Starts Parley with demo data for a benchmark and reports its URL, a key and its start-up time on stdout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../src/keys/tokens.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { startServer } from '../src/server.ts';

const started = performance.now();
const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bench-'));
const config = loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DEMO_DATA: 'on' });
const server = await startServer(config, createLogger(config.logLevel));
const readyMs = performance.now() - started;
// Benchmarks measure throughput, not the rate limiter's refusals.
await server.db.query(`update accounts set rate_limits = '{"per_minute": 100000000, "per_hour": 100000000, "per_day": 100000000}'`);
const key = server.demo?.keys.find((k) => k.kind === 'account' && k.account.startsWith('Northwind'))?.secret ?? process.env.BENCH_KEY;
server.authenticator.invalidate();
const oauthToken = await mintOAuthToken();
process.stdout.write(`${JSON.stringify({ url: server.url, key, oauthToken, readyMs, dataDir, engine: server.db.engine })}\n`);

/**
 * An OAuth access token for Northwind, stored as the authorization server stores one (hash, grant, audience,
 * scopes), so the benchmark measures /mcp's token verification without driving a browser consent.
 */
async function mintOAuthToken(): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const suffix = randomBytes(4).toString('hex');
  const [account] = await server.db.query<{ id: string }>("select id from accounts where slug = 'northwind'");
  await server.db.query(`insert into users (id, account_id, email, name, role) values ($1, $2, $3, 'Bench', 'owner')`, [
    `user_bench_${suffix}`,
    account!.id,
    `bench-${suffix}@example.com`,
  ]);
  await server.db.query(
    `insert into oauth_grants (id, client_id, user_id, account_id, workspace_ids, payload)
     select $1, 'bench', $2, $3, array_agg(id), '{}' from workspaces where account_id = $3`,
    [`grant_bench_${suffix}`, `user_bench_${suffix}`, account!.id],
  );
  const exp = Math.floor(Date.now() / 1000) + 3600;
  await server.db.query(
    `insert into oauth_objects (model, id_hash, grant_id, payload, expires_at) values ('AccessToken', $1, $2, $3, to_timestamp($4))`,
    [
      hashToken(token),
      `grant_bench_${suffix}`,
      JSON.stringify({ aud: `http://localhost:${server.port}/mcp`, scope: 'mcp:read mcp:write', clientId: 'bench', exp }),
      exp,
    ],
  );
  return token;
}
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
