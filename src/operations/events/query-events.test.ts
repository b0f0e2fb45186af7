import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { queryEvents } from './query-events.ts';

await describeOperation(queryEvents, (h) => {
  test('filters by name within the range, newest first, with the total the table has', async () => {
    const web = await h.one<{ id: string }>("select id from workspaces where slug = 'northwind-web'");
    const events = await h.call(queryEvents, { workspace: 'northwind-web', event: 'page_view', per_page: 3 });
    const { n } = await h.one<{ n: number }>(
      "select count(*) as n from events where workspace_id = $1 and name = 'page_view' and occurred_at >= $2 and occurred_at < $3",
      [web.id, events.range.start, events.range.end],
    );
    assert.equal(events.pagination.total, n);
    assert.equal(events.events.length, 3);
    assert.ok(events.events.every((e) => e.name === 'page_view' && e.path));
    const times = events.events.map((e) => e.occurred_at);
    assert.deepEqual([...times].sort().reverse(), times);
  });

  test('filters by visitor and page path', async () => {
    const row = await h.one<{ visitor_id: string; path: string }>(
      "select visitor_id, path from events where kind = 'browser' and path is not null and workspace_id = any($1) order by occurred_at desc limit 1",
      [await h.workspaceIds('northwind')],
    );
    const events = await h.call(queryEvents, { visitor_id: row.visitor_id, path: row.path, start_date: '2020-01-01', per_page: 100 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from events where visitor_id = $1 and path = $2', [
      row.visitor_id,
      row.path,
    ]);
    assert.equal(events.pagination.total, n);
    assert.ok(events.events.every((e) => e.visitor_id === row.visitor_id && e.path === row.path));
  });

  test('narrows by source and medium whatever their case, and by property values', async () => {
    const row = await h.one<{ source: string; medium: string }>(
      `select source, medium from events where source is not null and medium is not null and workspace_id = any($1)
       and occurred_at > now() - interval '20 days' group by source, medium order by count(*) desc limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const found = await h.call(queryEvents, { source: row.source.toUpperCase(), medium: row.medium, per_page: 100 });
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from events where workspace_id = any($1) and lower(source) = lower($2) and lower(medium) = lower($3)
       and occurred_at >= $4 and occurred_at < $5`,
      [await h.workspaceIds('northwind'), row.source, row.medium, found.range.start, found.range.end],
    );
    assert.ok(n > 0);
    assert.equal(found.pagination.total, n);
    const property = await h.one<{ key: string; value: string }>(
      `select p.key, p.value #>> '{}' as value from events e, jsonb_each(e.properties) p
       where e.workspace_id = any($1) and jsonb_typeof(p.value) = 'string' and e.occurred_at > now() - interval '20 days'
       group by p.key, p.value order by count(*) desc limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const withProperty = await h.call(queryEvents, { properties: { [property.key]: property.value }, per_page: 100 });
    const { m } = await h.one<{ m: number }>(
      `select count(*) as m from events where workspace_id = any($1) and properties ->> $2 = $3 and occurred_at >= $4 and occurred_at < $5`,
      [await h.workspaceIds('northwind'), property.key, property.value, withProperty.range.start, withProperty.range.end],
    );
    assert.equal(withProperty.pagination.total, m);
    assert.ok(withProperty.events.every((e) => e.properties[property.key] === property.value));
  });

  test('refuses an unknown kind and too many names', async () => {
    await h.refuse(queryEvents, { kind: ['server'] }, 'invalid_argument');
    await h.refuse(queryEvents, { properties: { plan: { nested: true } } }, 'invalid_argument');
    await h.refuse(queryEvents, { event: Array.from({ length: 21 }, (_, i) => `e${i}`) }, 'invalid_argument');
  });
});
