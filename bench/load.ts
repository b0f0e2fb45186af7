/** What every benchmark shares: starting a server as a child process, loading it with MCP tools/call, reporting rows. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import autocannon from 'autocannon';
import pg from 'pg';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
export const ENGINES = (process.env.BENCH_ENGINES ?? 'embedded,postgres').split(',');
export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Started {
  child: ChildProcess;
  info: { url: string; key?: string; oauthToken?: string; readyMs?: number; dataDir?: string; volume?: Record<string, number> };
}

export async function start(script: string, env: Record<string, string> = {}): Promise<Started> {
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

export async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

export interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
}

/** A 2026-07-28 request carries its envelope and routing headers; a 2025-era one is the stateless request Claude and Cursor send. */
export type Era = '2026-07-28' | '2025-06-18';

export async function load(
  server: Started,
  tool: string,
  args: Record<string, unknown> | (() => Record<string, unknown>),
  credential = server.info.key,
  era: Era = '2026-07-28',
  /** The toolsets to list (X-MCP-Toolsets), for a tool outside the default list. */
  toolsets?: string,
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
      ...(toolsets && { 'x-mcp-toolsets': toolsets }),
    },
    setupClient: (client: { on(event: 'body', listener: (b: Buffer) => void): void }) =>
      client.on('body', (b: Buffer) => {
        // A tool error, or a JSON-RPC error (a tool not listed, bad arguments): both are answered 200.
        if (b.includes('"isError":true') || b.includes('"error":{"code"')) toolErrors++;
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

export const rows: Array<Record<string, string | number>> = [];
export function report(name: string, r: Result, baseline?: number) {
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

/**
 * The bare SDK server's no-op rate in each era, one era after the other (loaded at once, each would get half the
 * machine), reported as it goes.
 */
export async function bareBaseline(bare: Started, eras: readonly Era[]): Promise<Record<string, Result>> {
  const baseline: Record<string, Result> = {};
  for (const era of eras) {
    baseline[era] = await load(bare, 'noop_0', {}, undefined, era);
    report(`bare SDK no-op, ${era}`, baseline[era]!);
  }
  return baseline;
}

/** The environment that points a benchmark server at its engine: on PostgreSQL, a schema of its own, dropped after. */
export async function benchDatabase(engine: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (engine !== 'postgres') return { env: {}, drop: async () => {} };
  const schema = `parley_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`drop schema if exists ${schema} cascade; create schema ${schema}`);
  return { env: schemaEnv(schema), drop: () => admin(`drop schema ${schema} cascade`) };
}

/** DATABASE_URL for a server whose tables live in `schema`. */
function schemaEnv(schema: string): Record<string, string> {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { DATABASE_URL: url.toString() };
}

/**
 * A PostgreSQL schema holding the demo at `scale` (300 makes about 10M events), loaded by `parley demo --scale` with its
 * progress bar the first time (minutes), vacuumed, and kept for later runs; BENCH_FRESH=1 loads it again.
 */
export async function scaledDatabase(scale: number): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const schema = `parley_bench_scale_${String(scale).replace('.', '_')}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const env = schemaEnv(schema);
    const [tables] = (await client.query<{ accounts: string | null }>('select to_regclass($1) as accounts', [`${schema}.accounts`])).rows;
    const hasDemo =
      tables!.accounts !== null && (await client.query(`select 1 from ${schema}.accounts where slug = 'northwind'`)).rowCount! > 0;
    if (!hasDemo || process.env.BENCH_FRESH === '1') {
      await client.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
      const demo = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'demo', '--scale', String(scale)], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (demo.status !== 0) throw new Error(`parley demo --scale ${scale} failed (${demo.status})`);
      // What autovacuum does to a live table soon after a load: the visibility map lets a funnel read the index alone.
      await client.query(`vacuum (analyze) ${schema}.events, ${schema}.event_hours, ${schema}.visitor_hours`);
    }
    return { env, drop: async () => {} };
  } finally {
    await client.end();
  }
}

/** The median of `rounds` runs after one to warm up, in milliseconds. */
export async function median(rounds: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** One tools/call, as Claude sends it (2025-06-18, stateless) or as SDK clients do (2026-07-28); a failure stops the run. */
export async function callTool(server: Started, tool: string, args: Record<string, unknown>, era: Era, toolsets: string): Promise<void> {
  const modern = era === '2026-07-28';
  const meta = {
    'io.modelcontextprotocol/protocolVersion': era,
    'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const response = await fetch(`${server.info.url}/mcp`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${server.info.key}`,
      'mcp-protocol-version': era,
      'x-mcp-toolsets': toolsets,
      ...(modern && { 'mcp-method': 'tools/call', 'mcp-name': tool }),
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: tool, arguments: args, ...(modern && { _meta: meta }) },
    }),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"isError":true') || text.includes('"error":{')) throw new Error(`${tool}: ${text.slice(0, 300)}`);
}
