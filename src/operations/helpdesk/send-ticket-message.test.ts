import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getTicket } from './get-ticket.ts';
import { sendTicketMessage } from './send-ticket-message.ts';

await describeOperation(sendTicketMessage, (h) => {
  /** An open Northwind ticket still waiting for its first response, its customer with an e-mail address. */
  const unanswered = async (skip = 0) =>
    h.one<{ id: string; workspace_id: string; email: string; contact_id: string }>(
      `select t.id, t.workspace_id, ct.email, ct.id as contact_id from tickets t join contacts ct on ct.id = t.contact_id
       where t.workspace_id = any($1) and t.first_responded_at is null and t.conversation_id is null and ct.email is not null
       order by t.created_at, t.id offset $2 limit 1`,
      [await h.workspaceIds('northwind'), skip],
    );
  const agentOf = async (workspaceId: string) =>
    (await h.one<{ id: string }>(`select id from agents where workspace_id = $1 and status = 'active' order by id limit 1`, [workspaceId]))
      .id;

  test('a first reply opens an e-mail thread with the subject, is the first response, and later replies go in it', async () => {
    const row = await unanswered();
    const sender = await agentOf(row.workspace_id);
    const first = await h.call(sendTicketMessage, {
      ticket_id: row.id,
      visibility: 'public',
      body: 'Could you send the last four digits of the card?',
      status: 'pending',
      sender_id: sender,
      idempotency_key: 'ticket-reply-1',
    });
    assert.equal(first.conversation_opened, true);
    assert.equal(first.message?.recipient, row.email);
    assert.equal(first.message?.channel, 'email');
    assert.equal(first.message?.subject, first.ticket.subject);
    assert.equal(first.message?.status, 'queued');
    assert.equal(first.ticket.conversation_id, first.message?.conversation_id);
    assert.equal(first.ticket.status, 'pending');
    assert.ok(first.ticket.first_responded_at);
    assert.deepEqual(
      { role: first.ticket_message.role, visibility: first.ticket_message.visibility, status: first.ticket_message.status },
      { role: 'agent', visibility: 'public', status: 'queued' },
    );
    const retried = await h.call(sendTicketMessage, {
      ticket_id: row.id,
      visibility: 'public',
      body: 'Could you send the last four digits of the card?',
      status: 'pending',
      sender_id: sender,
      idempotency_key: 'ticket-reply-1',
    });
    assert.deepEqual(retried.ticket_message, first.ticket_message);
    const second = await h.call(sendTicketMessage, { ticket_id: row.id, visibility: 'public', body: 'Any news?', sender_id: sender });
    assert.equal(second.conversation_opened, false);
    assert.equal(second.message?.conversation_id, first.message?.conversation_id);

    // The reply's status is its conversation message's, as the channel reports it.
    await h.sql(`update messages set status = 'delivered' where id = $1`, [first.message!.id]);
    const { messages, timeline } = await h.call(getTicket, { ticket_id: row.id });
    assert.equal(messages.find((m) => m.id === first.ticket_message.id)?.status, 'delivered');
    assert.deepEqual(
      timeline.map((e) => [e.field, e.from, e.to]),
      [['status', 'open', 'pending']],
    );
    const events = await h.sql<{ event_type: string }>(
      `select event_type from outbox where subject_id in ($1, $2) or subject_id = $3 order by created_at, id`,
      [row.id, first.message!.conversation_id, first.message!.id],
    );
    assert.deepEqual(
      events.map((e) => e.event_type).sort(),
      ['conversation.created', 'message.created', 'ticket.message_created', 'ticket.message_created'].sort(),
    );
  });

  test('an internal note reaches nobody, is no first response, and the same note again is refused unless allowed', async () => {
    const row = await unanswered(1);
    const body = `Checked Stripe ${Date.now()}`;
    const sender = await agentOf(row.workspace_id);
    const { ticket, ticket_message, message } = await h.call(sendTicketMessage, {
      ticket_id: row.id,
      visibility: 'internal',
      body,
      sender_id: sender,
    });
    assert.equal(message, null);
    assert.equal(ticket.first_responded_at, null);
    assert.equal(ticket.conversation_id, null);
    assert.equal(ticket_message.visibility, 'internal');
    assert.equal(ticket_message.status, undefined);
    const refused = await h.refuse(sendTicketMessage, { ticket_id: row.id, visibility: 'internal', body, sender_id: sender }, 'conflict');
    assert.match(refused.hint ?? '', /allow_duplicate: true/);
    await h.call(sendTicketMessage, { ticket_id: row.id, visibility: 'internal', body, sender_id: sender, allow_duplicate: true });
    const { n } = await h.one<{ n: number }>('select count(*) as n from ticket_messages where ticket_id = $1 and body = $2', [
      row.id,
      body,
    ]);
    assert.equal(n, 2);
  });

  test('a ticket from a conversation is answered in that conversation, on its channel', async () => {
    const conversation = await h.one<{ id: string; workspace_id: string; contact_id: string }>(
      `select id, workspace_id, contact_id from conversations where workspace_id = any($1) and channel = 'web' and contact_id is not null
       and agent_id is not null order by started_at desc, id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const ticket = await h.one<{ id: string }>(
      `select id from tickets where workspace_id = $1 and status = 'open' order by id desc limit 1`,
      [conversation.workspace_id],
    );
    await h.sql('update tickets set conversation_id = $2, contact_id = $3 where id = $1', [
      ticket.id,
      conversation.id,
      conversation.contact_id,
    ]);
    const { message, conversation_opened } = await h.call(sendTicketMessage, {
      ticket_id: ticket.id,
      visibility: 'public',
      body: 'Following up on your ticket here.',
    });
    assert.equal(conversation_opened, false);
    assert.equal(message?.conversation_id, conversation.id);
    assert.equal(message?.recipient, null);
  });

  test('nowhere to reply, bad input, another tenant and a read-only key are refused', async () => {
    const row = await unanswered(2);
    await h.sql('update tickets set contact_id = null where id = $1', [row.id]);
    const nowhere = await h.refuse(sendTicketMessage, { ticket_id: row.id, visibility: 'public', body: 'Hello' }, 'invalid_argument');
    assert.match(nowhere.hint ?? '', /internal/);
    await h.refuse(sendTicketMessage, { ticket_id: row.id, visibility: 'public', body: '   ' }, 'invalid_argument');
    await h.refuse(sendTicketMessage, { ticket_id: row.id, body: 'Which one?' }, 'invalid_argument');
    await h.refuse(
      sendTicketMessage,
      { ticket_id: row.id, visibility: 'internal', body: 'x' },
      'insufficient_scope',
      h.as.northwindReadOnly,
    );
    const theirs = await h.one<{ id: string }>('select id from tickets where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(sendTicketMessage, { ticket_id: theirs.id, visibility: 'internal', body: 'x' }, 'not_found');
  });
});
