import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { searchTickets } from './search-tickets.ts';

await describeOperation(searchTickets, (h) => {
  test('finds tickets by what their messages say, with the hit marked, and the total SQL finds', async () => {
    const result = await h.call(searchTickets, { query: 'duplicate', per_page: 100 });
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from tickets t where t.workspace_id = any($1) and (t.search @@ websearch_to_tsquery('english', 'duplicate')
       or exists (select 1 from ticket_messages m where m.ticket_id = t.id and m.search @@ websearch_to_tsquery('english', 'duplicate')))`,
      [await h.workspaceIds('northwind')],
    );
    assert.ok(n > 0);
    assert.equal(result.pagination.total, n);
    assert.ok(result.tickets.every((t) => /\*\*duplicate/i.test(t.snippet ?? '')));
  });

  test('combines with the list filters; another account sees none of these', async () => {
    const open = await h.call(searchTickets, { query: 'refund', status: ['open'], per_page: 100 });
    assert.ok(open.tickets.every((t) => t.status === 'open'));
    const theirs = await h.call(searchTickets, { query: 'refund', per_page: 100 }, h.as.bluebird);
    const northwind = new Set(await h.workspaceIds('northwind'));
    assert.ok(theirs.tickets.length > 0 && theirs.tickets.every((t) => !northwind.has(t.workspace_id)));
    await h.refuse(searchTickets, { query: ' ' }, 'invalid_argument');
  });
});
