import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWithDemo } from '../../../test/helpers/operations.ts';
import { recordEvents } from '../events/ingest.ts';
import { tenantOf } from '../tenancy/tenant.ts';
import { timeBuckets } from './buckets.ts';
import { EVENT_HOURS, factsFor, RAW_EVENTS, VISITOR_HOURS } from './facts.ts';
import { SOURCE_BREAKDOWNS, topSources } from './sources.ts';
import { type Dimension, eventStats, type Metric } from './stats.ts';

const HOUR = 3_600_000;
const ZONES = ['America/New_York', 'Europe/Berlin'] as const;
const VISITOR_DIMENSIONS: Dimension[] = ['country', 'device', 'workspace'];
const ROLLED_DIMENSIONS: Dimension[] = ['source', 'medium', 'campaign', 'channel', 'referrer', ...VISITOR_DIMENSIONS];
const ROLLED_METRICS: Metric[] = ['count', 'uniques', 'pageviews'];

/** A seeded source of numbers, so a failure names a case that can be run again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const SIGNAL_DIMENSIONS: readonly string[] = ['source', 'medium', 'campaign', 'channel', 'referrer'];

test('a rollup answers only for whole hours and questions it can answer, the narrowest first', () => {
  const hour = new Date('2026-11-01T05:00:00Z');
  assert.equal(factsFor([hour, new Date(hour.getTime() + HOUR)], 'visitor'), VISITOR_HOURS);
  assert.equal(factsFor([hour, new Date(hour.getTime() + HOUR)], 'signals'), EVENT_HOURS);
  assert.equal(factsFor([hour, new Date(hour.getTime() + 30 * 60_000)], 'visitor'), RAW_EVENTS, 'a half hour');
  assert.equal(factsFor([hour], 'event'), RAW_EVENTS, 'event names or paths');
  assert.equal(factsFor([hour], 'visitor', true), RAW_EVENTS, 'forced');
});

await describeWithDemo('the hourly rollup', (h) => {
  /** Random ranges of whole days in a zone, each spanning one of the autumn's DST changes (Oct 25 in Berlin, Nov 1 in New York). */
  function ranges(seed: number, count: number) {
    const next = seeded(seed);
    return Array.from({ length: count }, () => {
      const timeZone = ZONES[Math.floor(next() * ZONES.length)]!;
      const change = Date.parse(timeZone === 'Europe/Berlin' ? '2026-10-25T00:00:00Z' : '2026-11-01T00:00:00Z');
      const days = timeBuckets(
        change - (1 + Math.floor(next() * 10)) * 24 * HOUR,
        change + (1 + next() * 10) * 24 * HOUR,
        'day',
        timeZone,
      )!;
      const interval = (['day', 'hour', 'week', undefined] as const)[Math.floor(next() * 4)];
      const start = days[0]!.start;
      const end = interval === 'hour' ? start + 3 * 24 * HOUR : days.at(-1)!.start;
      return { timeZone, start: new Date(start), end: new Date(end), interval };
    });
  }

  /** Both rollups hold every event of the workspace: in all, and the hours by visitor row by row. */
  async function assertRolledUp(workspace: string) {
    for (const rollup of ['event_hours', 'visitor_hours']) {
      const [check] = await h.sql<{ raw: number; rolled: number; views: number; rolled_views: number }>(
        `select (select count(*) from events where workspace_id = $1) as raw,
         (select sum(events) from ${rollup} where workspace_id = $1) as rolled,
         (select count(*) from events where workspace_id = $1 and name = 'page_view') as views,
         (select sum(pageviews) from ${rollup} where workspace_id = $1) as rolled_views`,
        [workspace],
      );
      assert.equal(Number(check!.rolled), Number(check!.raw), rollup);
      assert.equal(Number(check!.rolled_views), Number(check!.views), rollup);
    }
    // Row by row too: the hours by visitor are the events grouped by hour and visitor (one grouping writes both rollups).
    const raw = `select date_trunc('hour', e.occurred_at, 'UTC') as hour, v.number, count(*)::int as events,
      (count(*) filter (where e.name = 'page_view'))::int as pageviews
    from events e left join visitors v on v.id = e.visitor_id where e.workspace_id = $1 group by 1, 2`;
    const rolled = 'select hour, visitor_number, events, pageviews from visitor_hours where workspace_id = $1';
    const [differing] = await h.sql<{ n: number }>(
      `select count(*) as n from ((${raw} except ${rolled}) union all (${rolled} except ${raw})) d`,
      [workspace],
    );
    assert.equal(Number(differing!.n), 0);
  }

  test('get_stats over the rollup equals the raw events on random ranges across DST, for every metric and dimension it serves', async () => {
    const tenant = tenantOf(h.as.northwind);
    const next = seeded(7);
    const read = new Map<string, number>();
    for (const [i, range] of ranges(20261202, 24).entries()) {
      const metric = ROLLED_METRICS[i % ROLLED_METRICS.length]!;
      // Every other case asks nothing of where visits came from, so both rollups are compared.
      const dimensions = i % 2 === 0 ? VISITOR_DIMENSIONS : ROLLED_DIMENSIONS;
      const groupBy = next() < 0.3 ? [] : [dimensions[Math.floor(next() * dimensions.length)]!];
      const filters: Partial<Record<Dimension, string>> =
        i % 2 === 0 ? {} : next() < 0.3 ? { source: 'google' } : next() < 0.5 ? { channel: 'Paid Search' } : {};
      const buckets = range.interval && timeBuckets(range.start.getTime(), range.end.getTime(), range.interval, range.timeZone);
      const spec = { metric, start: range.start, end: range.end, groupBy, buckets, filters, limit: 50 };
      const signalled = [...groupBy, ...Object.keys(filters)].some((d) => SIGNAL_DIMENSIONS.includes(d));
      const facts = factsFor([range.start, range.end, ...(buckets ?? []).map((b) => new Date(b.start))], signalled ? 'signals' : 'visitor');
      assert.equal(facts, signalled ? EVENT_HOURS : VISITOR_HOURS);
      read.set(facts.table, (read.get(facts.table) ?? 0) + 1);
      const rolled = await eventStats(h.db, tenant, spec);
      const raw = await eventStats(h.db, tenant, { ...spec, raw: true });
      assert.deepEqual(rolled, raw, JSON.stringify({ ...range, metric, groupBy, filters }));
      assert.ok(raw.whole.value! > 0 || metric === 'pageviews', `the range holds events: ${JSON.stringify(range)}`);
    }
    assert.ok((read.get('event_hours_with_signals') ?? 0) >= 5 && (read.get('visitor_hours') ?? 0) >= 5, `both rollups read: ${[...read]}`);
  });

  test('top_sources over the rollup equals the raw events for every breakdown, with and without a source', async () => {
    const tenant = tenantOf(h.as.northwind);
    for (const [i, range] of ranges(42, 10).entries()) {
      const breakdown = SOURCE_BREAKDOWNS[i % SOURCE_BREAKDOWNS.length]!;
      const filter = { start: range.start, end: range.end, ...(i % 3 === 0 && { source: 'Facebook' }) };
      const rolled = await topSources(h.db, tenant, filter, breakdown, 20);
      const raw = await topSources(h.db, tenant, { ...filter, raw: true }, breakdown, 20);
      assert.deepEqual(rolled, raw, JSON.stringify({ ...range, breakdown, filter }));
    }
  });

  test('top_sources over the rollup counts visitors once whatever the number of groups: more than one 63-bit word of them', async () => {
    const tenant = tenantOf(h.as.northwind);
    const hour = Date.parse('2026-06-10T08:00:00Z');
    // 130 campaigns (three words of groups), each visited by 4 of 20 visitors, so a visitor's campaigns span words.
    const batch = Array.from({ length: 520 }, (_, i) => ({
      name: 'page_view',
      anonymousId: `words-${i % 20}`,
      occurredAt: new Date(hour + (i % 3) * HOUR),
      properties: {},
      source: 'newsletter',
      medium: 'email',
      campaign: `issue-${Math.floor(i / 4)}`,
    }));
    await h.db.transaction((tx) => recordEvents(tx, tenant.workspaceIds[0]!, 'custom', batch));
    const filter = { start: new Date(hour), end: new Date(hour + 3 * HOUR) };
    for (const breakdown of ['campaign', 'channel'] as const) {
      const rolled = await topSources(h.db, tenant, filter, breakdown, 200);
      assert.deepEqual(rolled, await topSources(h.db, tenant, { ...filter, raw: true }, breakdown, 200), breakdown);
      assert.deepEqual(rolled.totals, { events: 520, uniques: 20 }, breakdown);
    }
    const campaigns = await topSources(h.db, tenant, filter, 'campaign', 200);
    assert.equal(campaigns.groups, 130);
    assert.ok(campaigns.rows.every((row) => row.events === 4 && row.uniques === 4));
  });

  test('events tracked later, late arrivals and repeats included, keep the rollup equal to the events', async () => {
    const tenant = tenantOf(h.as.northwind);
    const workspace = tenant.workspaceIds[0]!;
    const at = (iso: string) => new Date(iso);
    const batch = [
      {
        name: 'page_view',
        anonymousId: 'rollup-a',
        occurredAt: at('2026-11-01T05:59:59Z'),
        properties: {},
        source: 'Google',
        medium: 'CPC',
      },
      { name: 'page_view', anonymousId: 'rollup-a', occurredAt: at('2026-11-01T06:00:00Z'), properties: { gclid: 'x' }, eventId: 'r-1' },
      {
        name: 'signup',
        anonymousId: 'rollup-b',
        occurredAt: at('2026-10-20T12:00:00Z'),
        properties: {},
        referrer: 'https://www.news.example/a',
      },
    ];
    await h.db.transaction((tx) => recordEvents(tx, workspace, 'custom', batch));
    await h.db.transaction((tx) => recordEvents(tx, workspace, 'custom', [batch[1]!])); // the same event id: not recorded again
    await assertRolledUp(workspace);
    const spec = {
      metric: 'uniques' as const,
      start: at('2026-10-20T00:00:00Z'),
      end: at('2026-11-02T00:00:00Z'),
      groupBy: ['channel' as const],
      filters: {},
      limit: 50,
    };
    assert.deepEqual(await eventStats(h.db, tenant, spec), await eventStats(h.db, tenant, { ...spec, raw: true }));
    const byDevice = { ...spec, groupBy: ['device' as const] };
    assert.deepEqual(await eventStats(h.db, tenant, byDevice), await eventStats(h.db, tenant, { ...byDevice, raw: true }));
  });

  test('concurrent batches bringing a new campaign to the same visitors all commit, and keep both rollups equal to the events', async () => {
    const workspace = tenantOf(h.as.northwind).workspaceIds[0]!;
    const occurredAt = new Date('2026-11-03T10:15:00Z');
    for (let round = 0; round < 6; round++) {
      // Every batch the same 20 visitors' known traffic and the round's new campaign, each batch in another order: one
      // batch may know the campaign while another stores it, both writing the same rows of both rollups.
      const batch = (offset: number) =>
        Array.from({ length: 40 }, (_, i) => ({
          name: 'page_view',
          anonymousId: `race-${(i + offset) % 20}`,
          occurredAt,
          properties: {},
          source: 'newsletter',
          medium: 'email',
          campaign: i % 2 === 0 ? `launch-${round}` : 'weekly',
        }));
      await Promise.all([0, 5, 10, 15].map((offset) => h.db.transaction((tx) => recordEvents(tx, workspace, 'custom', batch(offset)))));
    }
    await assertRolledUp(workspace);
  });
});
