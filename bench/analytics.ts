/**
 * The analytics reads, each beside the same question asked in SQL by hand on the same database in the same run (the
 * ratio is what this noisy, shared machine can tell): get_stats (uniques by day over 30 days), top_sources
 * (source/medium over 7 days), get_funnel (3 steps over 30 days) and query_events (the first page), over MCP
 * 2026-07-28 and 2025-06-18, on both engines, at the demo's volume, or on PostgreSQL at BENCH_SCALE times it (300: about
 * 10M events, loaded once in a few minutes and kept). The median of BENCH_ROUNDS sequential calls.
 *
 *   npx tsx bench/analytics.ts   (BENCH_ENGINES=postgres,embedded, BENCH_ROUNDS=20, BENCH_SCALE=300)
 */
import { openDatabase } from '../src/db/database.ts';
import { benchDatabase, callTool, type Era, median, scaledDatabase, start, stop } from './load.ts';

const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,embedded').split(',');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const SCALE = process.env.BENCH_SCALE ? Number(process.env.BENCH_SCALE) : undefined;
const ERAS: Era[] = ['2026-07-28', '2025-06-18'];
const DAY = 86_400_000;
const today = Date.parse(new Date().toISOString().slice(0, 10));
const iso = (ms: number) => new Date(ms).toISOString();
const NORTHWIND = `(select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = 'northwind')`;
// Northwind's workspaces are in two zones, so its ranges are days in UTC: the last 30 (or 7) ending today.
const month = { start: iso(today - 29 * DAY), end: iso(today + DAY) };
const week = { start: iso(today - 6 * DAY), end: iso(today + DAY) };

const CASES: Array<{ name: string; tool: string; args: Record<string, unknown>; sql: string; params: unknown[] }> = [
  {
    name: 'get_stats uniques by day, 30 days',
    tool: 'get_stats',
    args: { metric: 'uniques', interval: 'day' },
    sql: `select (select count(distinct visitor_id) from events where workspace_id in ${NORTHWIND} and occurred_at >= $1 and occurred_at < $2),
            array(select count(distinct visitor_id) from events where workspace_id in ${NORTHWIND} and occurred_at >= $1 and occurred_at < $2
                  group by date_trunc('day', occurred_at at time zone 'UTC') order by date_trunc('day', occurred_at at time zone 'UTC'))`,
    params: [month.start, month.end],
  },
  {
    name: 'top_sources source/medium, 7 days',
    tool: 'top_sources',
    args: { breakdown: 'source_medium', start_date: week.start.slice(0, 10) },
    sql: `select lower(source), lower(medium), count(*), count(distinct visitor_id) from events
          where workspace_id in ${NORTHWIND} and occurred_at >= $1 and occurred_at < $2 group by 1, 2 order by 3 desc limit 10`,
    params: [week.start, week.end],
  },
  {
    name: 'get_funnel 3 steps, 30 days',
    tool: 'get_funnel',
    args: { steps: [{ event: 'session_started' }, { event: 'buyer_intent' }, { event: 'meeting_booked' }] },
    sql: `with e as (select * from events where workspace_id in ${NORTHWIND} and occurred_at >= $1 and occurred_at < $2),
            s1 as (select visitor_id, occurred_at as t1 from e where name = 'session_started' and visitor_id is not null),
            s2 as (select s1.visitor_id, s1.t1, min(e.occurred_at) as t2 from s1 join e on e.visitor_id = s1.visitor_id
                   and e.name = 'buyer_intent' and e.occurred_at > s1.t1 and e.occurred_at <= s1.t1 + interval '14 days' group by 1, 2),
            s3 as (select s2.visitor_id from s2 join e on e.visitor_id = s2.visitor_id and e.name = 'meeting_booked'
                   and e.occurred_at > s2.t2 and e.occurred_at <= s2.t1 + interval '14 days')
          select (select count(distinct visitor_id) from s1), (select count(distinct visitor_id) from s2), (select count(distinct visitor_id) from s3)`,
    params: [month.start, month.end],
  },
  {
    name: 'query_events first page',
    tool: 'query_events',
    args: { per_page: 20 },
    sql: `select *, count(*) over () from events where workspace_id in ${NORTHWIND} and occurred_at >= $1 and occurred_at < $2
          order by occurred_at desc, id desc limit 20`,
    params: [month.start, month.end],
  },
];

const lines: string[] = [];
for (const engine of ENGINES) {
  const database = engine === 'postgres' && SCALE ? await scaledDatabase(SCALE) : await benchDatabase(engine);
  const parley = await start('bench/parley-server.ts', database.env);
  const tools: Record<string, number> = {};
  for (const { name, tool, args } of CASES)
    for (const era of ERAS) tools[`${name}, ${era}`] = await median(ROUNDS, () => callTool(parley, tool, args, era, 'events,analytics'));
  await stop(parley);
  const db = await openDatabase({ databaseUrl: database.env.DATABASE_URL, dataDir: parley.info.dataDir!, command: 'bench sql' });
  const [volume] = await db.query<{ n: number }>('select count(*) as n from events');
  for (const { name, sql, params } of CASES) {
    const byHand = await median(ROUNDS, () => db.query(sql, params));
    for (const era of ERAS) {
      const viaTool = tools[`${name}, ${era}`]!;
      lines.push(
        `${engine} (${volume!.n} events): ${name}, ${era}: ${viaTool.toFixed(1)} ms; by hand ${byHand.toFixed(1)} ms; ${(viaTool / byHand).toFixed(2)}x`,
      );
    }
  }
  await db.close();
  await database.drop();
}
for (const line of lines) console.log(line);
