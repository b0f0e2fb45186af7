import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createTicket } from './create-ticket.ts';
import { getTicket } from './get-ticket.ts';

await describeOperation(createTicket, (h) => {
  const conversationWithContact = async (skip: number) =>
    h.one<{ id: string; workspace_id: string; contact_id: string; company_id: string | null; first: string }>(
      `select c.id, c.workspace_id, c.contact_id, ct.company_id,
         (select m.body from messages m where m.conversation_id = c.id and m.role = 'visitor' order by m.created_at, m.id limit 1) as first
       from conversations c join contacts ct on ct.id = c.contact_id
       where c.workspace_id = any($1) and exists (select 1 from messages m where m.conversation_id = c.id and m.role = 'visitor')
         and not exists (select 1 from tickets t where t.conversation_id = c.id)
       order by c.started_at desc, c.id offset $2 limit 1`,
      [await h.workspaceIds('northwind'), skip],
    );

  test('from a conversation: its customer and first message, due times from the priority, on the timeline and announced', async () => {
    const conversation = await conversationWithContact(0);
    const { ticket } = await h.call(createTicket, {
      conversation_id: conversation.id,
      subject: 'Refund for annual renewal',
      priority: 'high',
      tags: ['Refund', 'billing', 'refund'],
      idempotency_key: 'open-1',
    });
    assert.deepEqual(
      (
        await h.call(createTicket, {
          conversation_id: conversation.id,
          subject: 'Refund for annual renewal',
          priority: 'high',
          tags: ['Refund', 'billing', 'refund'],
          idempotency_key: 'open-1',
        })
      ).ticket.id,
      ticket.id,
    );
    assert.equal(ticket.workspace_id, conversation.workspace_id);
    assert.equal(ticket.contact_id, conversation.contact_id);
    assert.equal(ticket.company_id, conversation.company_id);
    assert.equal(ticket.conversation_id, conversation.id);
    assert.equal(ticket.summary, conversation.first.replace(/\s+/g, ' ').slice(0, 140));
    assert.deepEqual(ticket.tags, ['refund', 'billing']);
    assert.deepEqual([ticket.status, ticket.priority, ticket.due, ticket.breached], ['open', 'high', 'first_response', false]);
    assert.equal(Date.parse(ticket.first_response_due_at!) - Date.parse(ticket.created_at), 4 * 3600_000);
    assert.equal(Date.parse(ticket.resolution_due_at!) - Date.parse(ticket.created_at), 24 * 3600_000);
    const { timeline } = await h.call(getTicket, { ticket_id: ticket.id });
    assert.deepEqual(
      timeline.map((e) => [e.field, e.to]),
      [['created', { subject: 'Refund for annual renewal' }]],
    );
    const { n } = await h.one<{ n: number }>(`select count(*) as n from outbox where subject_id = $1 and event_type = 'ticket.created'`, [
      ticket.id,
    ]);
    assert.equal(n, 1);
  });

  test('a second ticket for a conversation with one still open, or the same subject again, is refused unless allowed', async () => {
    const conversation = await conversationWithContact(1);
    await h.call(createTicket, { conversation_id: conversation.id, subject: 'Cannot log in' });
    const open = await h.refuse(createTicket, { conversation_id: conversation.id, subject: 'Another thing' }, 'conflict');
    assert.match(open.message, /already has ticket tk_/);
    assert.match(open.hint ?? '', /allow_duplicate: true/);
    const same = await h.refuse(createTicket, { contact_id: conversation.contact_id, subject: 'cannot log in' }, 'conflict');
    assert.match(same.message, /with this subject/);
    await h.call(createTicket, { conversation_id: conversation.id, subject: 'Another thing', allow_duplicate: true });
  });

  test('without a conversation or contact it needs the workspace when the key sees several, and a subject', async () => {
    const [first, second] = await h.workspaceIds('northwind');
    assert.ok(second, 'Northwind has several workspaces');
    await h.refuse(createTicket, { subject: 'Website down' }, 'invalid_argument');
    const { ticket } = await h.call(createTicket, {
      workspace: first,
      subject: 'Website down',
      priority: 'urgent',
      assignee: 'Sam Okafor',
    });
    assert.deepEqual([ticket.workspace_id, ticket.contact_id, ticket.assignee], [first, null, 'Sam Okafor']);
    const contact = await conversationWithContact(2);
    await h.refuse(createTicket, { contact_id: contact.contact_id }, 'invalid_argument');
    const elsewhere = contact.workspace_id === first ? second : first;
    await h.refuse(createTicket, { workspace: elsewhere, contact_id: contact.contact_id, subject: 'X' }, 'not_found');
  });

  test('another tenant, a read-only key and bad input are refused', async () => {
    const theirs = await h.one<{ id: string }>('select id from conversations where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(createTicket, { conversation_id: theirs.id, subject: 'X' }, 'not_found');
    const ours = await conversationWithContact(3);
    await h.refuse(createTicket, { conversation_id: ours.id, subject: 'X' }, 'insufficient_scope', h.as.northwindReadOnly);
    await h.refuse(createTicket, { conversation_id: ours.id, subject: 'X', priority: 'critical' }, 'invalid_argument');
    await h.refuse(
      createTicket,
      { conversation_id: ours.id, subject: 'X', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      'invalid_argument',
    );
  });
});
