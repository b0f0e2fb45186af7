import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getTicket } from './get-ticket.ts';
import { updateTicket } from './update-ticket.ts';

await describeOperation(updateTicket, (h) => {
  const ticketWith = async (where: string) =>
    h.one<{ id: string; created_at: string }>(
      `select id, created_at from tickets where workspace_id = any($1) and ${where} order by created_at, id limit 1`,
      [await h.workspaceIds('northwind')],
    );

  test('escalating moves the due times to the new targets and puts each change on the timeline, audited and announced', async () => {
    const before = await ticketWith("priority = 'low' and status = 'open'");
    const { ticket, changed } = await h.call(updateTicket, {
      ticket_id: before.id,
      priority: 'urgent',
      assignee: 'Dana Reyes',
      idempotency_key: 'escalate-1',
    });
    assert.deepEqual(changed, ['priority', 'assignee']);
    assert.equal(ticket.priority, 'urgent');
    assert.equal(ticket.assignee, 'Dana Reyes');
    const created = Date.parse(before.created_at);
    assert.equal(Date.parse(ticket.resolution_due_at!), created + 8 * 3600_000);
    const { timeline, timeline_total } = await h.call(getTicket, { ticket_id: before.id });
    assert.equal(timeline_total, 2);
    const priority = timeline.find((e) => e.field === 'priority');
    assert.deepEqual(
      { from: priority?.from, to: priority?.to, actor: priority?.actor_id, via: priority?.via },
      { from: 'low', to: 'urgent', actor: h.as.northwind.credential.id, via: h.as.northwind.credential.name },
    );
    const stored = await h.one<{ outbox: number; audit: number; touched: boolean }>(
      `select (select count(*) from outbox where subject_id = $1 and event_type = 'ticket.updated') as outbox,
         (select count(*) from audit_log where target_id = $1 and operation = 'update_ticket') as audit,
         (select last_activity_at > now() - interval '1 minute' from tickets where id = $1) as touched`,
      [before.id],
    );
    assert.deepEqual(stored, { outbox: 1, audit: 1, touched: true });
  });

  test('closing stamps closed_at and reopening clears it; a value already set is no change and announces nothing', async () => {
    const open = await ticketWith("status = 'in_progress'");
    const closed = await h.call(updateTicket, { ticket_id: open.id, status: 'closed' });
    assert.ok(closed.ticket.closed_at);
    assert.equal(closed.ticket.due, null);
    const again = await h.call(updateTicket, { ticket_id: open.id, status: 'closed' });
    assert.deepEqual(again.changed, []);
    const reopened = await h.call(updateTicket, { ticket_id: open.id, status: 'open' });
    assert.equal(reopened.ticket.closed_at, null);
    const { n } = await h.one<{ n: number }>(`select count(*) as n from outbox where subject_id = $1 and event_type = 'ticket.updated'`, [
      open.id,
    ]);
    assert.equal(n, 2);
  });

  test('tags: add and remove are safe to retry, tags replaces them, written the same way', async () => {
    const row = await ticketWith("status = 'pending'");
    const { ticket: current } = await h.call(getTicket, { ticket_id: row.id });
    const added = await h.call(updateTicket, { ticket_id: row.id, add_tags: ['VIP', 'vip ', current.tags[0]!] });
    assert.deepEqual(added.ticket.tags, [...current.tags, 'vip']);
    assert.deepEqual((await h.call(updateTicket, { ticket_id: row.id, add_tags: ['vip'] })).changed, []);
    const removed = await h.call(updateTicket, { ticket_id: row.id, remove_tags: ['vip'] });
    assert.deepEqual(removed.ticket.tags, current.tags);
    const replaced = await h.call(updateTicket, { ticket_id: row.id, tags: ['refund'] });
    assert.deepEqual(replaced.ticket.tags, ['refund']);
    const unassigned = await h.call(updateTicket, { ticket_id: row.id, assignee: null });
    assert.equal(unassigned.ticket.assignee, null);
  });

  test('bad input, another tenant and a read-only key are refused', async () => {
    const row = await ticketWith('true');
    await h.refuse(updateTicket, { ticket_id: row.id, tags: ['a'], add_tags: ['b'] }, 'invalid_argument');
    await h.refuse(updateTicket, { ticket_id: row.id, status: 'solved' }, 'invalid_argument');
    await h.refuse(updateTicket, { ticket_id: row.id, subject: '  ' }, 'invalid_argument');
    await h.refuse(updateTicket, { ticket_id: row.id, priority: 'high' }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from tickets where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(updateTicket, { ticket_id: theirs.id, priority: 'low' }, 'not_found');
  });
});
