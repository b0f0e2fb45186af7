import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listEventTypes } from './list-event-types.ts';

await describeOperation(listEventTypes, (h) => {
  test('counts each event name in the range as the events table does', async () => {
    const web = await h.one<{ id: string }>("select id from workspaces where slug = 'northwind-web'");
    const types = await h.call(listEventTypes, { workspace: 'northwind-web' });
    const rows = await h.sql<{ name: string; n: number }>(
      'select name, count(*) as n from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3 group by name',
      [web.id, types.range.start, types.range.end],
    );
    assert.equal(types.event_types.length, rows.length);
    for (const type of types.event_types) assert.equal(type.count, rows.find((r) => r.name === type.name)?.n, type.name);
    assert.ok(types.event_types.some((t) => t.name === 'page_view'));
  });

  test('kind narrows to journey milestones', async () => {
    const journey = await h.call(listEventTypes, { kind: ['journey'] });
    assert.ok(journey.event_types.length > 0 && journey.event_types.every((t) => t.kind === 'journey'));
  });
});
