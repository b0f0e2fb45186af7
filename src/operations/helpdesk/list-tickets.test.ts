import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listTickets } from './list-tickets.ts';

await describeOperation(listTickets, (h) => {
  test('"the three most urgent open tickets touched in the last 24 hours" is one call, answered as SQL ranks them', async () => {
    const [web] = await h.workspaceIds('northwind');
    const result = await h.call(listTickets, { workspace: web, status: ['open'], touched_within_hours: 24, per_page: 3 });
    const expected = await h.sql<{ id: string; name: string; summary: string }>(
      `select t.id, ct.name, t.summary from tickets t left join contacts ct on ct.id = t.contact_id
       where t.workspace_id = $1 and t.status = 'open' and t.last_activity_at >= now() - interval '24 hours'
       order by case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end,
         case when t.first_responded_at is null then t.first_response_due_at else t.resolution_due_at end nulls last,
         t.last_activity_at, t.id
       limit 3`,
      [web],
    );
    assert.ok(expected.length === 3, 'the demo has open tickets touched today');
    assert.deepEqual(
      result.tickets.map((t) => ({ id: t.id, name: t.customer_name })),
      expected.map((e) => ({ id: e.id, name: e.name })),
    );
    for (const [i, ticket] of result.tickets.entries())
      assert.ok(ticket.summary.length > 0 && (expected[i]!.summary === null || ticket.summary === expected[i]!.summary));
    assert.ok(result.tickets.every((t) => t.customer_name && t.summary));
  });

  test('breached tickets say so; filters by status, priority, tag and assignee; recent sorts by last activity', async () => {
    const all = await h.call(listTickets, { status: ['open', 'pending', 'in_progress'], per_page: 100 });
    const breached = all.tickets.filter((t) => t.breached);
    assert.ok(breached.length > 0 && breached.every((t) => t.due_at !== null && Date.parse(t.due_at) < Date.now()));
    const urgentFirst = all.tickets.map((t) => ['urgent', 'high', 'normal', 'low'].indexOf(t.priority));
    assert.deepEqual(
      [...urgentFirst].sort((a, b) => a - b),
      urgentFirst,
    );
    const refunds = await h.call(listTickets, { tag: 'refund', sort: 'recent', per_page: 100 });
    assert.ok(refunds.tickets.length > 0 && refunds.tickets.every((t) => t.tags.includes('refund')));
    const touched = refunds.tickets.map((t) => t.last_activity_at);
    assert.deepEqual([...touched].sort().reverse(), touched);
    const dana = await h.call(listTickets, { assignee: 'Dana Reyes', priority: 'high', per_page: 100 });
    assert.ok(dana.tickets.every((t) => t.assignee === 'Dana Reyes' && t.priority === 'high'));
    const { n } = await h.one<{ n: number }>("select count(*) as n from tickets where workspace_id = any($1) and status = 'closed'", [
      await h.workspaceIds('northwind'),
    ]);
    assert.equal((await h.call(listTickets, { status: ['closed'] })).pagination.total, n);
  });

  test('refuses contradictory windows and unknown values', async () => {
    await h.refuse(listTickets, { touched_within_hours: 24, touched_since: '2026-01-01T00:00:00Z' }, 'invalid_argument');
    await h.refuse(listTickets, { touched_since: '2026-02-01T00:00:00Z', touched_before: '2026-01-01T00:00:00Z' }, 'invalid_argument');
    await h.refuse(listTickets, { status: ['solved'] }, 'invalid_argument');
    await h.refuse(listTickets, { sort: 'oldest' }, 'invalid_argument');
  });
});
