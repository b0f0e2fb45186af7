import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listTicketMessages } from './list-ticket-messages.ts';

await describeOperation(listTicketMessages, (h) => {
  test('pages a thread either way and narrows to internal notes', async () => {
    const row = await h.one<{ id: string }>(
      `select t.id from tickets t where t.workspace_id = any($1) and (select count(*) from ticket_messages m where m.ticket_id = t.id) >= 3
       and exists (select 1 from ticket_messages i where i.ticket_id = t.id and i.visibility = 'internal') order by t.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const ids = (await h.sql<{ id: string }>('select id from ticket_messages where ticket_id = $1 order by created_at, id', [row.id])).map(
      (m) => m.id,
    );
    const first = await h.call(listTicketMessages, { ticket_id: row.id, per_page: 2 });
    assert.deepEqual(
      first.messages.map((m) => m.id),
      ids.slice(0, 2),
    );
    assert.equal(first.pagination.total, ids.length);
    const latest = await h.call(listTicketMessages, { ticket_id: row.id, order: 'newest_first', per_page: 1 });
    assert.deepEqual(
      latest.messages.map((m) => m.id),
      ids.slice(-1),
    );
    const notes = await h.call(listTicketMessages, { ticket_id: row.id, visibility: 'internal' });
    assert.ok(notes.messages.length > 0 && notes.messages.every((m) => m.visibility === 'internal'));
  });

  test("another account's ticket is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from tickets where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(listTicketMessages, { ticket_id: theirs.id }, 'not_found');
  });
});
