/**
 * Authenticated MCP tools/call throughput and latency of Parley's real read tools, against a bare SDK server with a
 * no-op tool measured in the same run (this machine is shared and noisy: only ratios mean anything), on the
 * embedded database and on PostgreSQL, with an API key and with an OAuth access token; every tool also as a 2025-era
 * client sends it (stateless 2025-06-18, against the bare server's 2025 rate); the write path (create_contact with a
 * fresh idempotency key per call, and a replayed key), in both eras; memory at rest and under load; time from start
 * to ready.
 *
 *   npm run bench    (BENCH_SECONDS=5, BENCH_CONNECTIONS=32, BENCH_ENGINES=embedded,postgres, BENCH_TOOLS=a,b to pick tools)
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { benchDatabase, ENGINES, load, report, rows, rssMb, start, stop } from './load.ts';

const TOOLS: Array<[string, Record<string, unknown>]> = (
  [
    ['get_account_info', {}],
    ['search_conversations', { query: 'refund', per_page: 10 }],
    ['get_usage_summary', { workspace: 'northwind-web' }],
  ] as Array<[string, Record<string, unknown>]>
).filter(([name]) => !process.env.BENCH_TOOLS || process.env.BENCH_TOOLS.split(',').includes(name));

const bare = await start('bench/bare-sdk-server.ts');
const bareIdle = rssMb(bare.child.pid!);
const bareFirst = await load(bare, 'noop_0', {});
report('bare SDK no-op (1)', bareFirst);
const bareLegacy = await load(bare, 'noop_0', {}, undefined, '2025-06-18');
report('bare SDK no-op, 2025-06-18', bareLegacy);

const notes: string[] = [`bare SDK server RSS at rest: ${bareIdle} MB`];
const bareRuns = [bareFirst.rps];
for (const engine of ENGINES) {
  const database = await benchDatabase(engine);
  const env = database.env;
  const cold = await start('bench/parley-server.ts', env);
  notes.push(`${engine}: cold start with demo load ${Math.round(cold.info.readyMs!)} ms`);
  await stop(cold);
  // A warm start: the usual restart of an existing deployment.
  const parley = await start('bench/parley-server.ts', { ...env, BENCH_DATA_DIR: cold.info.dataDir!, BENCH_KEY: cold.info.key! });
  notes.push(`${engine}: warm start to ready ${Math.round(parley.info.readyMs!)} ms; RSS at rest ${rssMb(parley.child.pid!)} MB`);
  // Unmeasured: the first seconds under load warm up V8 and the database, which the first tool would pay alone.
  await load(parley, 'get_account_info', {});
  for (const [tool, args] of TOOLS) {
    const baseline = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;
    report(`${engine}: ${tool}`, await load(parley, tool, args), baseline);
    report(`${engine}: ${tool} (2025-06-18)`, await load(parley, tool, args, parley.info.key, '2025-06-18'), bareLegacy.rps);
  }
  // The same cheapest call with an OAuth access token instead of an API key: one uncached lookup per request.
  if (TOOLS.some(([name]) => name === 'get_account_info')) {
    const baseline = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;
    report(`${engine}: get_account_info (OAuth token)`, await load(parley, 'get_account_info', {}, parley.info.oauthToken), baseline);
  }
  // Writes: each call a new contact under a fresh key (what a careful client sends), and one key replayed (a retry).
  if (!process.env.BENCH_TOOLS || process.env.BENCH_TOOLS.split(',').includes('create_contact')) {
    const baseline = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;
    const fresh = () => ({ workspace: 'northwind-web', name: 'Bench Contact', idempotency_key: randomUUID() });
    const replayed = { workspace: 'northwind-web', name: 'Bench Replay', idempotency_key: `bench-replay-${process.pid}` };
    report(`${engine}: create_contact, fresh key`, await load(parley, 'create_contact', fresh), baseline);
    report(
      `${engine}: create_contact, fresh key (2025-06-18)`,
      await load(parley, 'create_contact', fresh, parley.info.key, '2025-06-18'),
      bareLegacy.rps,
    );
    report(`${engine}: create_contact, replayed key`, await load(parley, 'create_contact', replayed), baseline);
    report(
      `${engine}: create_contact, replayed key (2025-06-18)`,
      await load(parley, 'create_contact', replayed, parley.info.key, '2025-06-18'),
      bareLegacy.rps,
    );
  }
  await stop(parley);
  fs.rmSync(cold.info.dataDir!, { recursive: true, force: true });
  await database.drop();
  const again = await load(bare, 'noop_0', {});
  bareRuns.push(again.rps);
  report(`bare SDK no-op (${bareRuns.length})`, again);
}
await stop(bare);
console.log('');
console.table(rows);
for (const note of notes) console.log(note);
