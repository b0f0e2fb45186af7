import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getEvent } from './get-event.ts';

await describeOperation(getEvent, (h) => {
  test('reads one event with every property it has', async () => {
    const row = await h.one<{ id: string; properties: Record<string, unknown> }>(
      `select id, properties from events where workspace_id = any($1) and properties <> '{}' order by occurred_at desc limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const { event } = await h.call(getEvent, { event_id: row.id });
    assert.equal(event.id, row.id);
    assert.deepEqual(event.properties, row.properties);
  });

  test("another account's event is not found", async () => {
    const other = await h.one<{ id: string }>('select id from events where not (workspace_id = any($1)) limit 1', [
      await h.workspaceIds('northwind'),
    ]);
    await h.refuse(getEvent, { event_id: other.id }, 'not_found');
  });
});
