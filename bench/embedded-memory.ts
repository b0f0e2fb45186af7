/**
 * The embedded engine's memory against its speed. For PostgreSQL's default page cache (128MB, the baseline) and
 * Parley's default (EMBEDDED_SHARED_BUFFERS, 16MB): the RSS of `node dist/cli.js serve` (what `npm start` runs) at
 * rest on the demo data, and the median time of demo-scale reads over MCP 2026-07-28 and 2025-06-18, each as a ratio
 * of the baseline's in the same run. Also the time from start to ready, cold (with the demo load) and warm.
 *
 *   npm run build && npx tsx bench/embedded-memory.ts   (BENCH_ROUNDS=15)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';
import { callTool, type Era, median, rssMb, start, stop } from './load.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SETTINGS = ['128MB', '16MB'];
const ERAS: Era[] = ['2026-07-28', '2025-06-18'];
const READS: Array<[string, Record<string, unknown>]> = [
  ['get_account_info', {}],
  ['search_conversations', { query: 'refund', per_page: 10 }],
  ['get_usage_summary', { workspace: 'northwind-web' }],
  ['list_tickets', {}],
  ['search_knowledge', { query: 'refund' }],
  ['search_contacts', {}],
  ['get_stats', { metric: 'uniques', interval: 'day' }],
  ['top_sources', { breakdown: 'source_medium' }],
  ['get_funnel', { steps: [{ event: 'session_started' }, { event: 'buyer_intent' }, { event: 'meeting_booked' }] }],
  ['query_events', { per_page: 20 }],
];

const cold = await start('bench/parley-server.ts');
const dataDir = cold.info.dataDir!;
const lines = [`cold start with the demo load: ${Math.round(cold.info.readyMs!)} ms`];
await stop(cold);

const results: Array<{ setting: string; rss: number; readyMs: number; times: Record<string, number> }> = [];
for (const setting of SETTINGS) {
  const rss = await restingRss(setting);
  const parley = await start('bench/parley-server.ts', { BENCH_DATA_DIR: dataDir, EMBEDDED_SHARED_BUFFERS: setting });
  const times: Record<string, number> = {};
  for (const [tool, args] of READS)
    for (const era of ERAS) times[`${tool}, ${era}`] = await median(ROUNDS, () => callTool(parley, tool, args, era, 'all'));
  results.push({ setting, rss, readyMs: parley.info.readyMs!, times });
  await stop(parley);
}
fs.rmSync(dataDir, { recursive: true, force: true });

const [baseline, ...others] = results;
const total = (times: Record<string, number>) => Object.values(times).reduce((a, b) => a + b, 0);
for (const result of results) {
  lines.push(
    `shared_buffers ${result.setting}: RSS at rest ${result.rss} MB (npm start); warm start to ready ${Math.round(result.readyMs)} ms; ` +
      `reads ${total(result.times).toFixed(1)} ms in all (${(total(result.times) / total(baseline!.times)).toFixed(2)}x the 128MB cache)`,
  );
}
for (const key of Object.keys(baseline!.times))
  lines.push(`  ${key}: ${[baseline!, ...others].map((r) => `${r.times[key]!.toFixed(1)} ms (${r.setting})`).join(', ')}`);
for (const line of lines) console.log(line);

/** The RSS of the built server at rest on the demo data, three seconds after it is ready. */
async function restingRss(setting: string): Promise<number> {
  const child = spawn(process.execPath, ['dist/cli.js', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', EMBEDDED_SHARED_BUFFERS: setting },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => line.startsWith('Parley is listening') && resolve());
    child.once('exit', (code) => reject(new Error(`parley serve exited with ${code}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const rss = rssMb(child.pid!);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return rss;
}
