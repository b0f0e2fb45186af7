/**
 * Ingest: POST /api/v1/track with batches of 500 events (events per second; the same 50 busy visitors in every batch,
 * then a site's traffic of 20,000 visitors) and with single events from 32 connections, and track_event over MCP
 * 2026-07-28 and 2025-06-18, on each engine, against a bare SDK server's no-op
 * request rate measured in the same run (this machine is shared and noisy: only ratios mean anything). Every event is
 * acknowledged only once committed; the run ends by counting what the database holds against what was acknowledged.
 *
 * With BENCH_SCALE, PostgreSQL ingests into the kept schema of that many times the demo (310: about 10M events).
 *
 *   npx tsx bench/ingest.ts   (BENCH_ENGINES=postgres,embedded, BENCH_SECONDS=5, BENCH_BATCH_CONNECTIONS=4, BENCH_SCALE)
 */
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/database.ts';
import {
  bareBaseline,
  benchDatabase,
  CONNECTIONS,
  scaledDatabase,
  type Era,
  load,
  report,
  rows,
  rssMb,
  SECONDS,
  start,
  stop,
  type Started,
} from './load.ts';

const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,embedded').split(',');
const BATCH = 500;
const BATCH_CONNECTIONS = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 4);
const SCALE = process.env.BENCH_SCALE ? Number(process.env.BENCH_SCALE) : undefined;
const ERAS: Era[] = ['2026-07-28', '2025-06-18'];
const notes: string[] = [];
/** This run's visitors, told apart from an earlier run's in a kept schema. */
const RUN = `bench-${process.pid}`;

/** A batch of 500 events: page views and clicks of `visitors` visitors, with a landing URL carrying utm values. */
const batchOf = (visitors: readonly string[]) =>
  JSON.stringify({
    workspace: 'northwind-web',
    batch: Array.from({ length: BATCH }, (_, i) => ({
      event: i % 5 === 0 ? 'click' : 'page_view',
      anonymous_id: visitors[i % visitors.length],
      url: `https://shop.example/products/${i % 40}?utm_source=google&utm_medium=cpc`,
      title: 'Products',
      properties: { element: 'buy', position: i },
    })),
  });
/** The busiest case: every batch is the same 50 visitors', whose rows every batch updates. */
const hotBatch = batchOf(Array.from({ length: 50 }, (_, i) => `${RUN}-visitor-${i}`));
/**
 * A site's traffic: each batch 100 visitors of 20,000 with 5 events each, so a visitor is new in its first batch and
 * returns 200 batches later. Made before the load, so the load generator only sends them.
 */
const POOL = 20_000;
const spreadBatches = Array.from({ length: POOL / 100 }, (_, b) =>
  batchOf(Array.from({ length: 100 }, (_, i) => `${RUN}-pool-${b * 100 + i}`)),
);
let nextSpread = 0;
const spreadBatch = () => spreadBatches[nextSpread++ % spreadBatches.length]!;
/** One event of one of 10,000 visitors: a visitor's own events come one after another, not 32 at once. */
const single = () =>
  JSON.stringify({
    workspace: 'northwind-web',
    event: 'signup',
    anonymous_id: `${RUN}-single-${Math.floor(Math.random() * 10_000)}`,
    properties: { plan: 'pro' },
  });

async function post(server: Started, body: string | (() => string), connections: number) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid!))), 250);
  const result = await autocannon({
    url: `${server.info.url}/api/v1/track`,
    method: 'POST',
    connections,
    duration: SECONDS,
    ...(typeof body === 'string' ? { body } : { requests: [{ setupRequest: (request: object) => ({ ...request, body: body() }) }] }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.info.key}` },
  });
  clearInterval(sampler);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakRssMb: peak,
    acknowledged: result['2xx'],
  };
}

const bare = await start('bench/bare-sdk-server.ts');
const baseline = await bareBaseline(bare, ERAS);
const bareRps = baseline['2026-07-28']!.rps;
for (const engine of ENGINES) {
  const database = engine === 'postgres' && SCALE ? await scaledDatabase(SCALE) : await benchDatabase(engine);
  const parley = await start('bench/parley-server.ts', database.env);
  let batchesAcknowledged = 0;
  for (const [label, body] of [
    ['50 busy visitors, the same each time', hotBatch],
    [`100 visitors of ${POOL.toLocaleString('en')}`, spreadBatch],
  ] as const) {
    const batches = await post(parley, body, BATCH_CONNECTIONS);
    batchesAcknowledged += batches.acknowledged;
    report(`${engine}: POST /track, batches of ${BATCH} (${label}), ${BATCH_CONNECTIONS} connections`, batches, bareRps);
    notes.push(
      `${engine}: ${Math.round(batches.rps * BATCH).toLocaleString('en')} events/s in batches of ${BATCH} of ${label} (p99 ${batches.p99} ms)`,
    );
  }
  const singles = await post(parley, single, CONNECTIONS);
  report(`${engine}: POST /track, single events, ${CONNECTIONS} connections`, singles, bareRps);
  for (const era of ERAS) {
    const event = () => ({ workspace: 'northwind-web', event: 'signup', anonymous_id: `bench-mcp-${Math.floor(Math.random() * 10_000)}` });
    const viaMcp = await load(parley, 'track_event', event, parley.info.key, era, 'analytics');
    report(`${engine}: track_event over MCP, ${era}`, viaMcp, baseline[era]!.rps);
  }
  await stop(parley);
  const acknowledged = batchesAcknowledged * BATCH + singles.acknowledged;
  notes.push(`${engine}: ${acknowledged} events acknowledged over REST; ${await stored(parley, database.env)} stored`);
  await database.drop();
}
await stop(bare);
console.log('');
console.table(rows);
for (const note of notes) console.log(note);

/** The events the REST loads stored, read after the server stopped (the embedded engine is one process's). */
async function stored(server: Started, env: Record<string, string>): Promise<number> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: server.info.dataDir!, command: 'bench count' });
  try {
    const [row] = await db.query<{ n: number }>(
      'select count(*) as n from events e join visitors v on v.id = e.visitor_id where v.anonymous_id like $1',
      [`${RUN}-%`],
    );
    return Number(row!.n);
  } finally {
    await db.close();
  }
}
