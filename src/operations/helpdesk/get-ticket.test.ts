import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getTicket } from './get-ticket.ts';

await describeOperation(getTicket, (h) => {
  test('returns the ticket with its due times and its thread in order, internal notes marked', async () => {
    const row = await h.one<{ id: string; n: number }>(
      `select t.id, count(m.id) as n from tickets t join ticket_messages m on m.ticket_id = t.id where t.workspace_id = any($1)
       and exists (select 1 from ticket_messages i where i.ticket_id = t.id and i.visibility = 'internal') group by t.id order by t.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const { ticket, messages, messages_total } = await h.call(getTicket, { ticket_id: row.id });
    assert.equal(ticket.id, row.id);
    assert.equal(messages_total, row.n);
    assert.equal(messages.length, row.n);
    const times = messages.map((m) => m.created_at);
    assert.deepEqual([...times].sort(), times);
    assert.ok(messages.some((m) => m.visibility === 'internal') && messages.some((m) => m.role === 'customer'));
    assert.ok(ticket.first_response_due_at && ticket.resolution_due_at);
  });

  test("another account's ticket is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from tickets where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getTicket, { ticket_id: theirs.id }, 'not_found');
  });
});
