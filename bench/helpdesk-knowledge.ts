/**
 * The help desk and the knowledge base at 100 times the demo's tickets (with their threads) and knowledge nodes:
 * list_tickets in urgency order (all open tickets, and "the three most urgent touched today") and search_knowledge (a
 * phrase with a number, and words found by full text), over MCP 2026-07-28 and 2025-06-18, against a bare SDK server
 * measured in the same run (this machine is shared and noisy: only ratios mean anything).
 *
 *   npx tsx bench/helpdesk-knowledge.ts   (BENCH_ENGINES=postgres,embedded, BENCH_MULTIPLY=100, BENCH_SECONDS=5)
 */
import { bareBaseline, benchDatabase, load, report, rows, start, stop, type Era } from './load.ts';

const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,embedded').split(',');
const MULTIPLY = process.env.BENCH_MULTIPLY ?? '100';

const CALLS: Array<[string, string, Record<string, unknown>]> = [
  ['list_tickets, open by urgency', 'list_tickets', { status: ['open'], sort: 'urgency', per_page: 20 }],
  ['list_tickets, 3 most urgent touched today', 'list_tickets', { status: ['open'], touched_within_hours: 24, per_page: 3 }],
  ['search_knowledge "48 hours"', 'search_knowledge', { query: '48 hours' }],
  ['search_knowledge refund policy', 'search_knowledge', { query: 'refund policy' }],
];
const ERAS: Era[] = ['2026-07-28', '2025-06-18'];
const notes: string[] = [];

const bare = await start('bench/bare-sdk-server.ts');
const baseline = await bareBaseline(bare, ERAS);
for (const engine of ENGINES) {
  const database = await benchDatabase(engine);
  const parley = await start('bench/parley-server.ts', { ...database.env, BENCH_MULTIPLY: MULTIPLY });
  notes.push(`${engine} x${MULTIPLY}: ${JSON.stringify(parley.info.volume)}`);
  for (const [name, tool, args] of CALLS) {
    for (const era of ERAS)
      report(`${engine} x${MULTIPLY}: ${name}, ${era}`, await load(parley, tool, args, parley.info.key, era), baseline[era]!.rps);
  }
  await stop(parley);
  await database.drop();
}
await stop(bare);
console.log('');
console.table(rows);
for (const note of notes) console.log(note);
