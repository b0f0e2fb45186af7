/** Starts Parley with demo data for a benchmark and reports its URL, a key and its start-up time on stdout. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createApiKey } from '../src/domain/credentials/commands.ts';
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
const multiply = Number(process.env.BENCH_MULTIPLY ?? 1);
if (multiply > 1) await multiplyHelpdeskAndKnowledge(multiply);
const key =
  server.demo?.keys.find((k) => k.kind === 'account' && k.account.startsWith('Northwind'))?.secret ??
  process.env.BENCH_KEY ??
  (await northwindKey());
server.authenticator.invalidate();
const oauthToken = await mintOAuthToken();
const [volume] = await server.db.query<{ tickets: number; ticket_messages: number; knowledge_nodes: number }>(
  `select (select count(*) from tickets) as tickets, (select count(*) from ticket_messages) as ticket_messages,
     (select count(*) from kb_articles) as knowledge_nodes`,
);
process.stdout.write(`${JSON.stringify({ url: server.url, key, oauthToken, readyMs, dataDir, engine: server.db.engine, volume })}\n`);

/** An account key for Northwind, for a database whose demo data an earlier run loaded (bench/load.ts scaledDatabase). */
async function northwindKey(): Promise<string> {
  const [account] = await server.db.query<{ id: string }>("select id from accounts where slug = 'northwind'");
  return (await createApiKey(server.db, { accountId: account!.id, workspaceId: null, kind: 'account', name: 'Bench key' })).secret;
}

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
/**
 * Makes `factor` times the demo's tickets (with their messages) and knowledge nodes, copies each touched a little
 * earlier than the one before, so the help desk and the knowledge base are measured at that volume.
 */
async function multiplyHelpdeskAndKnowledge(factor: number): Promise<void> {
  const copies = `generate_series(1, ${Math.trunc(factor) - 1}) n`;
  const earlier = (column: string) => `${column} - make_interval(mins => n * 37)`;
  await server.db.query(
    `insert into tickets (id, workspace_id, contact_id, company_id, subject, summary, status, priority, assignee, tags,
       first_response_due_at, resolution_due_at, first_responded_at, created_at, updated_at, last_activity_at, closed_at)
     select t.id || '_' || n, t.workspace_id, t.contact_id, t.company_id, t.subject, t.summary, t.status, t.priority, t.assignee, t.tags,
       ${earlier('t.first_response_due_at')}, ${earlier('t.resolution_due_at')}, ${earlier('t.first_responded_at')}, ${earlier('t.created_at')},
       ${earlier('t.updated_at')}, ${earlier('t.last_activity_at')}, ${earlier('t.closed_at')}
     from tickets t, ${copies}`,
  );
  await server.db.query(
    `insert into ticket_messages (id, ticket_id, workspace_id, author_role, author_name, body, visibility, created_at)
     select m.id || '_' || n, m.ticket_id || '_' || n, m.workspace_id, m.author_role, m.author_name, m.body, m.visibility, ${earlier('m.created_at')}
     from ticket_messages m, ${copies}`,
  );
  await server.db.query(
    `insert into kb_articles (id, workspace_id, category_id, title, path, content, description, keywords, author, review_status, created_at, updated_at)
     select a.id || '_' || n, a.workspace_id, a.category_id, a.title, a.path || '-' || n, a.content, a.description, a.keywords, a.author,
       a.review_status, a.created_at, a.updated_at
     from kb_articles a, ${copies}`,
  );
  await server.db.query('analyze');
}

process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
