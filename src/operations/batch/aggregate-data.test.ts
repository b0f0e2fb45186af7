import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { aggregateData } from './aggregate-data.ts';

await describeOperation(aggregateData, (h) => {
  test('counts conversations by channel as the table has them in the window it echoes', async () => {
    const result = await h.call(aggregateData, { source: 'conversations', group_by: 'channel' });
    const expected = await h.sql<{ group: string; count: number }>(
      `select channel as "group", count(*) as count from conversations where workspace_id = any($1) and started_at >= $2 and started_at < $3
       group by channel order by count(*) desc, channel`,
      [await h.workspaceIds('northwind'), result.range.start, result.range.end],
    );
    assert.deepEqual(result.rows, expected);
    assert.equal(
      result.total,
      expected.reduce((sum, row) => sum + row.count, 0),
    );
    assert.equal(result.groups_total, expected.length);
    assert.equal(result.others_count, 0);
  });

  test('splits by week in the time zone, keeps the largest groups and counts the rest as others', async () => {
    const [web] = await h.workspaceIds('northwind');
    const input = { source: 'events', group_by: 'name', interval: 'week', workspace: web, limit: 3, timezone: 'America/New_York' } as const;
    const result = await h.call(aggregateData, input);
    const top = await h.sql<{ name: string }>(
      `select name from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3 group by name order by count(*) desc, name limit 3`,
      [web, result.range.start, result.range.end],
    );
    assert.deepEqual([...new Set(result.rows.map((r) => r.group))].sort(), top.map((t) => t.name).sort());
    const weekly = await h.sql<{ bucket: string; n: number }>(
      `select to_char(date_trunc('week', occurred_at at time zone 'America/New_York'), 'YYYY-MM-DD') as bucket, count(*) as n from events
       where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3 and name = $4 group by 1 order by 1`,
      [web, result.range.start, result.range.end, top[0]!.name],
    );
    assert.deepEqual(
      result.rows.filter((r) => r.group === top[0]!.name).map((r) => ({ bucket: r.bucket, n: r.count })),
      weekly,
    );
    const { n } = await h.one<{ n: number }>(
      'select count(*) as n from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3',
      [web, result.range.start, result.range.end],
    );
    assert.equal(result.total, n);
    assert.equal(result.others_count, n - result.rows.reduce((sum, row) => sum + row.count, 0));
    assert.ok(result.others_count > 0 && result.groups_total > 3);
  });

  test('groups contacts by a custom attribute, filters events by name, and gives totals over time without a group', async () => {
    const stages = await h.call(aggregateData, { source: 'contacts', group_by: 'attribute:lifecycle_stage', start_date: '2020-01-01' });
    const { n } = await h.one<{ n: number }>(
      "select count(*) as n from contacts where workspace_id = any($1) and attributes->>'lifecycle_stage' = 'lead'",
      [await h.workspaceIds('northwind')],
    );
    assert.equal(stages.rows.find((r) => r.group === 'lead')?.count, n);
    const daily = await h.call(aggregateData, { source: 'events', event_name: 'page_view', interval: 'day' });
    assert.ok(daily.rows.every((r) => r.bucket && r.group === undefined));
    const { views } = await h.one<{ views: number }>(
      "select count(*) as views from events where workspace_id = any($1) and name = 'page_view' and occurred_at >= $2 and occurred_at < $3",
      [await h.workspaceIds('northwind'), daily.range.start, daily.range.end],
    );
    assert.equal(daily.total, views);
    assert.equal(daily.others_count, 0);
  });

  test('refuses an unknown dimension or filter, and more rows than one answer carries, saying what to do', async () => {
    const unknown = await h.refuse(aggregateData, { source: 'conversations', group_by: 'mood' }, 'invalid_argument');
    assert.match(unknown.hint ?? '', /channel/);
    await h.refuse(aggregateData, { source: 'events', group_by: 'attribute:lifecycle_stage' }, 'invalid_argument');
    await h.refuse(aggregateData, { source: 'contacts', event_name: 'page_view' }, 'invalid_argument');
    const wide = await h.refuse(
      aggregateData,
      { source: 'events', group_by: 'name', interval: 'day', start_date: '2025-01-01', limit: 50 },
      'invalid_argument',
    );
    assert.match(wide.hint ?? '', /longer interval/);
    await h.refuse(aggregateData, { source: 'tickets' }, 'invalid_argument');
  });
});
