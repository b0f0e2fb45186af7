/**
 * Authenticated MCP tools/call throughput and latency of Parley's real read tools, against a bare SDK server with a
 * no-op tool measured in the same run (this machine is shared and noisy: only ratios mean anything), on the
 * embedded database and on PostgreSQL, with an API key and with an OAuth access token, and the cheapest call also as
 * a 2025-era client sends it; the write path (create_contact with a fresh idempotency key per call, and a replayed
 * key), in both eras; memory at rest and under load; time from start to ready.
 *
 *   npm run bench    (BENCH_SECONDS=5, BENCH_CONNECTIONS=32, BENCH_ENGINES=embedded,postgres, BENCH_TOOLS=a,b to pick tools)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ENGINES = (process.env.BENCH_ENGINES ?? 'embedded,postgres').split(',');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Started {
  child: ChildProcess;
  info: { url: string; key?: string; oauthToken?: string; readyMs?: number; dataDir?: string };
}

async function start(script: string, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, info: JSON.parse(line) };
}

async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
}

/** A 2026-07-28 request carries its envelope and routing headers; a 2025-era one is the stateless request Claude and Cursor send. */
type Era = '2026-07-28' | '2025-06-18';

async function load(
  server: Started,
  tool: string,
  args: Record<string, unknown> | (() => Record<string, unknown>),
  credential = server.info.key,
  era: Era = '2026-07-28',
): Promise<Result> {
  const modern = era === '2026-07-28';
  const envelope = {
    'io.modelcontextprotocol/protocolVersion': era,
    'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const bodyOf = (argument: Record<string, unknown>) =>
    JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: tool, arguments: argument, ...(modern && { _meta: envelope }) },
    });
  // Arguments made per call (a fresh idempotency key each time) go through autocannon's per-request hook.
  const body = typeof args === 'function' ? undefined : bodyOf(args);
  const requests = typeof args === 'function' ? [{ setupRequest: (request: object) => ({ ...request, body: bodyOf(args()) }) }] : undefined;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 250);
  let toolErrors = 0;
  const result = await autocannon({
    url: `${server.info.url}/mcp`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(body ? { body } : { requests }),
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': era,
      ...(modern && { 'mcp-method': 'tools/call', 'mcp-name': tool }),
      ...(credential && { authorization: `Bearer ${credential}` }),
    },
    setupClient: (client: { on(event: 'body', listener: (b: Buffer) => void): void }) =>
      client.on('body', (b: Buffer) => {
        if (b.includes('"isError":true')) toolErrors++;
      }),
  });
  clearInterval(sampler);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + toolErrors,
    peakRssMb: peak,
  };
}

const rows: Array<Record<string, string | number>> = [];
function report(name: string, r: Result, baseline?: number) {
  const row = {
    run: name,
    'calls/s': Math.round(r.rps),
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    errors: r.errors,
    'peak RSS MB': r.peakRssMb,
    ...(baseline && { 'vs bare SDK': `${(r.rps / baseline).toFixed(2)}x` }),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}

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
  const env: Record<string, string> = {};
  let schema: string | undefined;
  if (engine === 'postgres') {
    schema = `parley_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  }
  const cold = await start('bench/parley-server.ts', env);
  notes.push(`${engine}: cold start with demo load ${Math.round(cold.info.readyMs!)} ms`);
  await stop(cold);
  // A warm start: the usual restart of an existing deployment.
  const parley = await start('bench/parley-server.ts', { ...env, BENCH_DATA_DIR: cold.info.dataDir!, BENCH_KEY: cold.info.key! });
  notes.push(`${engine}: warm start to ready ${Math.round(parley.info.readyMs!)} ms; RSS at rest ${rssMb(parley.child.pid!)} MB`);
  for (const [tool, args] of TOOLS) {
    const baseline = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;
    report(`${engine}: ${tool}`, await load(parley, tool, args), baseline);
  }
  // The same cheapest call with an OAuth access token instead of an API key: one uncached lookup per request.
  if (TOOLS.some(([name]) => name === 'get_account_info')) {
    const baseline = bareRuns.reduce((a, b) => a + b, 0) / bareRuns.length;
    report(`${engine}: get_account_info (OAuth token)`, await load(parley, 'get_account_info', {}, parley.info.oauthToken), baseline);
    report(
      `${engine}: get_account_info (2025-06-18)`,
      await load(parley, 'get_account_info', {}, parley.info.key, '2025-06-18'),
      bareLegacy.rps,
    );
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
  if (schema) {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
  const again = await load(bare, 'noop_0', {});
  bareRuns.push(again.rps);
  report(`bare SDK no-op (${bareRuns.length})`, again);
}
await stop(bare);
console.log('');
console.table(rows);
for (const note of notes) console.log(note);
