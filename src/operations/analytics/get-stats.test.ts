import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getStats } from './get-stats.ts';

const NEW_YORK = 'America/New_York';
const HOUR = 3_600_000;

/** A seeded source of ranges, so a failure names a range that can be run again. */
function randomRanges(seed: number, count: number): Array<{ start: string; end: string }> {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const start = Date.now() - (5 + next() * 60) * 24 * HOUR;
    const end = start + (1 + next() * 20 * 24) * HOUR;
    return { start: new Date(Math.floor(start / 1000) * 1000).toISOString(), end: new Date(Math.floor(end / 1000) * 1000).toISOString() };
  });
}

await describeOperation(getStats, (h) => {
  const web = () => h.one<{ id: string }>("select id from workspaces where slug = 'northwind-web'");

  test('uniques by day in the time zone across a DST change: every day, each distinct, the range distinct as a whole', async () => {
    const workspace = await web();
    const stats = await h.call(getStats, { workspace: 'northwind-web', metric: 'uniques', interval: 'day', timezone: NEW_YORK });
    const days = await h.sql<{ day: string; n: number }>(
      `select to_char(occurred_at at time zone $2, 'YYYY-MM-DD') as day, count(distinct visitor_id) as n from events
       where workspace_id = $1 and occurred_at >= $3 and occurred_at < $4 group by 1`,
      [workspace.id, NEW_YORK, stats.range.start, stats.range.end],
    );
    const byDay = new Map(days.map((d) => [d.day, Number(d.n)]));
    assert.equal(stats.buckets!.length, 30);
    assert.ok(stats.buckets!.includes('2026-11-01') || !stats.buckets!.includes('2026-10-31'), 'the window spans the fall-back');
    assert.deepEqual(
      stats.series,
      stats.buckets!.map((day) => byDay.get(day) ?? 0),
    );
    const { n } = await h.one<{ n: number }>(
      'select count(distinct visitor_id) as n from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3',
      [workspace.id, stats.range.start, stats.range.end],
    );
    assert.equal(stats.value, Number(n));
    assert.ok(stats.value! < stats.series!.reduce((a, b) => a! + b!, 0)!, 'not the sum of the days');
  });

  test('hours are real hours: the day of the fall-back has 25, each counted as SQL counts it', async () => {
    const workspace = await web();
    const stats = await h.call(getStats, {
      workspace: 'northwind-web',
      metric: 'count',
      interval: 'hour',
      start_date: '2026-11-01',
      end_date: '2026-11-01',
      timezone: NEW_YORK,
    });
    assert.equal(stats.buckets!.length, 25);
    assert.deepEqual(stats.buckets!.slice(1, 3), ['2026-11-01T01:00-04:00', '2026-11-01T01:00-05:00']);
    const hours = await h.sql<{ hour: string; n: number }>(
      `select extract(epoch from date_trunc('hour', occurred_at at time zone 'UTC'))::bigint as hour, count(*) as n from events
       where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3 group by 1`,
      [workspace.id, stats.range.start, stats.range.end],
    );
    const byHour = new Map(hours.map((row) => [Number(row.hour) * 1000, Number(row.n)]));
    const start = Date.parse(stats.range.start);
    assert.deepEqual(
      stats.series,
      stats.buckets!.map((_, i) => byHour.get(start + i * HOUR) ?? 0),
    );
  });

  test('on random ranges, counts by event and uniques by source/medium equal the SQL', async () => {
    const ids = await h.workspaceIds('northwind');
    for (const range of randomRanges(20261123, 6)) {
      const byEvent = await h.call(getStats, {
        metric: 'count',
        group_by: ['event'],
        start_date: range.start,
        end_date: range.end,
        limit: 50,
      });
      const events = await h.sql<{ name: string; n: number }>(
        'select name, count(*) as n from events where workspace_id = any($1) and occurred_at >= $2 and occurred_at < $3 group by name',
        [ids, range.start, range.end],
      );
      assert.deepEqual(
        Object.fromEntries(byEvent.groups!.map((g) => [g.key.event, g.value])),
        Object.fromEntries(events.map((e) => [e.name, Number(e.n)])),
        JSON.stringify(range),
      );
      const bySource = await h.call(getStats, {
        metric: 'uniques',
        group_by: 'source,medium',
        start_date: range.start,
        end_date: range.end,
        limit: 3,
      });
      const sources = await h.sql<{ source: string; medium: string; n: number }>(
        `select coalesce(lower(source), '(none)') as source, coalesce(lower(medium), '(none)') as medium, count(distinct visitor_id) as n
         from events where workspace_id = any($1) and occurred_at >= $2 and occurred_at < $3 group by 1, 2
         order by n desc, 1, 2`,
        [ids, range.start, range.end],
      );
      assert.equal(bySource.groups_total, sources.length);
      assert.deepEqual(
        bySource.groups!.map((g) => [g.key.source, g.key.medium, g.value]),
        sources.slice(0, 3).map((s) => [s.source, s.medium, Number(s.n)]),
        JSON.stringify(range),
      );
    }
  });

  test('sessions and bounce rate equal visits cut where 30 minutes pass, computed here from the raw events', async () => {
    const workspace = await web();
    const stats = await h.call(getStats, {
      workspace: 'northwind-web',
      metric: 'sessions',
      start_date: '2026-11-10',
      end_date: '2026-11-16',
    });
    const bounce = await h.call(getStats, {
      workspace: 'northwind-web',
      metric: 'bounce_rate',
      start_date: '2026-11-10',
      end_date: '2026-11-16',
    });
    const rows = await h.sql<{ id: string; visitor_id: string | null; at: Date; name: string }>(
      `select id, visitor_id, occurred_at as at, name from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3
       order by occurred_at, id`,
      [workspace.id, stats.range.start, stats.range.end],
    );
    const last = new Map<string, number>();
    const sessions: Array<{ pageviews: number }> = [];
    const current = new Map<string, { pageviews: number }>();
    for (const row of rows) {
      const who = row.visitor_id ?? row.id;
      const at = new Date(row.at).getTime();
      if (!current.has(who) || at - last.get(who)! > 30 * 60_000) {
        const session = { pageviews: 0 };
        sessions.push(session);
        current.set(who, session);
      }
      last.set(who, at);
      if (row.name === 'page_view') current.get(who)!.pageviews++;
    }
    assert.equal(stats.value, sessions.length);
    const viewed = sessions.filter((s) => s.pageviews > 0);
    assert.equal(bounce.value, Math.round((viewed.filter((s) => s.pageviews === 1).length / viewed.length) * 10_000) / 10_000);
  });

  test('conversion rate by workspace, over every workspace the key sees', async () => {
    const stats = await h.call(getStats, { metric: 'conversion_rate', conversion_event: 'meeting_booked', group_by: ['workspace'] });
    const truth = await h.sql<{ slug: string; rate: number }>(
      `select w.slug, count(distinct e.visitor_id) filter (where e.visitor_id in (
           select c.visitor_id from events c where c.workspace_id = w.id and c.name = 'meeting_booked' and c.occurred_at >= $2 and c.occurred_at < $3))::float8
         / count(distinct e.visitor_id) as rate
       from events e join workspaces w on w.id = e.workspace_id
       where e.workspace_id = any($1) and e.occurred_at >= $2 and e.occurred_at < $3 group by w.slug`,
      [await h.workspaceIds('northwind'), stats.range.start, stats.range.end],
    );
    assert.deepEqual(
      Object.fromEntries(stats.groups!.map((g) => [g.key.workspace, g.value])),
      Object.fromEntries(truth.map((t) => [t.slug, Math.round(t.rate * 10_000) / 10_000])),
    );
  });

  test('filters narrow every metric, and a series per group fills its empty buckets', async () => {
    const stats = await h.call(getStats, { metric: 'pageviews', group_by: ['path'], interval: 'week', source: 'GOOGLE', limit: 3 });
    const [row] = await h.sql<{ n: number }>(
      `select count(*) as n from events where workspace_id = any($1) and occurred_at >= $2 and occurred_at < $3
       and lower(source) = 'google' and name = 'page_view'`,
      [await h.workspaceIds('northwind'), stats.range.start, stats.range.end],
    );
    assert.equal(stats.value, Number(row!.n));
    for (const group of stats.groups!) assert.equal(group.series!.length, stats.buckets!.length);
  });

  test('refuses what it cannot answer, saying why', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ metric: 'count', group_by: 'source,planet' }, /unknown dimension "planet"/],
      [{ metric: 'count', group_by: ['source', 'planet'] }, /unknown dimension "planet"; use event, path/],
      [{ metric: 'count', group_by: 'workspace,project_id' }, /each once/],
      [{ metric: 'conversion_rate' }, /needs conversion_event/],
      [{ metric: 'sessions', event: 'page_view' }, /event cannot narrow it/],
      [{ metric: 'count', interval: 'hour', start_date: '2024-01-01', end_date: '2026-01-01' }, /More than 1000 hours/],
      [
        { metric: 'count', interval: 'day', group_by: ['path'], limit: 50, start_date: '2026-01-01', end_date: '2026-11-01' },
        /more than 2000/,
      ],
      [{ metric: 'median' }, /metric/],
    ];
    for (const [input, message] of cases) assert.match((await h.refuse(getStats, input, 'invalid_argument')).message, message);
    await h.refuse(getStats, { workspace: 'northwind-web', metric: 'count' }, 'not_found', h.as.bluebird);
  });
});
