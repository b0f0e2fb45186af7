import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listEvents } from './list-events.ts';

await describeOperation(listEvents, (h) => {
  test('filters by name within the range, newest first, with the total the table has', async () => {
    const web = await h.one<{ id: string }>("select id from workspaces where slug = 'northwind-web'");
    const events = await h.call(listEvents, { workspace: 'northwind-web', name: ['page_view'], per_page: 3 });
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
    const events = await h.call(listEvents, { visitor_id: row.visitor_id, path: row.path, start_date: '2020-01-01', per_page: 100 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from events where visitor_id = $1 and path = $2', [
      row.visitor_id,
      row.path,
    ]);
    assert.equal(events.pagination.total, n);
    assert.ok(events.events.every((e) => e.visitor_id === row.visitor_id && e.path === row.path));
  });

  test('refuses an unknown kind and too many names', async () => {
    await h.refuse(listEvents, { kind: ['server'] }, 'invalid_argument');
    await h.refuse(listEvents, { name: Array.from({ length: 21 }, (_, i) => `e${i}`) }, 'invalid_argument');
  });
});
