import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { sendConversationMessage } from './send-conversation-message.ts';

await describeOperation(sendConversationMessage, (h) => {
  const webConversation = async () =>
    h.one<{ id: string; workspace_id: string; agent_id: string; message_count: number }>(
      `select id, workspace_id, agent_id, message_count from conversations where workspace_id = any($1) and channel = 'web'
       and agent_id is not null order by started_at desc, id limit 1`,
      [await h.workspaceIds('northwind')],
    );

  test("queues a reply as the conversation's agent, audited and announced; a retry with the key sends nothing more", async () => {
    const conversation = await webConversation();
    const input = { conversation_id: conversation.id, body: ' Your refund is on its way. ', idempotency_key: 'reply-1' };
    const { message } = await h.call(sendConversationMessage, input);
    assert.deepEqual((await h.call(sendConversationMessage, input)).message, message);
    assert.equal(message.status, 'queued');
    assert.equal(message.body, 'Your refund is on its way.');
    assert.equal(message.sender_id, conversation.agent_id);
    assert.equal(message.role, 'agent');
    assert.equal(message.recipient, null, 'the web widget needs no address');
    const stored = await h.one<Record<string, unknown>>(
      'select m.status, m.sender_id, c.message_count, c.last_message_at >= m.created_at as moved from messages m join conversations c on c.id = m.conversation_id where m.id = $1',
      [message.id],
    );
    assert.deepEqual(stored, {
      status: 'queued',
      sender_id: conversation.agent_id,
      message_count: conversation.message_count + 1,
      moved: true,
    });
    const outbox = await h.one<{ n: number; type: string }>(
      'select count(*) as n, min(event_type) as type from outbox where subject_id = $1',
      [message.id],
    );
    assert.deepEqual(outbox, { n: 1, type: 'message.created' });
    const audit = await h.one<{ n: number }>(
      "select count(*) as n from audit_log where target_id = $1 and operation = 'send_conversation_message' and idempotency_key = 'reply-1'",
      [message.id],
    );
    assert.equal(audit.n, 1);
  });

  test('the same text again within the window is refused, saying how to send it anyway; allow_duplicate sends it', async () => {
    const conversation = await webConversation();
    const body = `Checking in ${Date.now()}`;
    await h.call(sendConversationMessage, { conversation_id: conversation.id, body });
    const refused = await h.refuse(sendConversationMessage, { conversation_id: conversation.id, body }, 'conflict');
    assert.match(refused.message, /already sent/);
    assert.match(refused.hint ?? '', /allow_duplicate: true/);
    await h.call(sendConversationMessage, { conversation_id: conversation.id, body, allow_duplicate: true });
    const { n } = await h.one<{ n: number }>('select count(*) as n from messages where conversation_id = $1 and body = $2', [
      conversation.id,
      body,
    ]);
    assert.equal(n, 2);
  });

  test("an e-mail reply goes to the contact's address through the workspace's e-mail channel", async () => {
    const thread = await h.one<{ id: string; email: string; channel_id: string }>(
      `select c.id, ct.email, ch.id as channel_id from conversations c join contacts ct on ct.id = c.contact_id
       join channels ch on ch.workspace_id = c.workspace_id and ch.kind = 'email'
       where c.workspace_id = any($1) and c.channel = 'email' limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const { message } = await h.call(sendConversationMessage, { conversation_id: thread.id, body: 'Any questions on the trial?' });
    assert.equal(message.recipient, thread.email);
    assert.equal(message.channel_id, thread.channel_id);
    assert.equal(message.channel, 'email');
  });

  test('sends as a person of the account; a person signed in through OAuth only as themselves or an agent', async () => {
    const conversation = await webConversation();
    await h.sql(
      `insert into users (id, account_id, email, name, role) values
         ('usr_send_dana', $1, 'dana@northwind.example', 'Dana Reyes', 'member'), ('usr_send_sam', $1, 'sam@northwind.example', 'Sam Okafor', 'member')`,
      [h.as.northwind.accountId],
    );
    const asDana = await h.call(sendConversationMessage, {
      conversation_id: conversation.id,
      body: 'Dana here.',
      sender_id: 'usr_send_dana',
    });
    assert.deepEqual([asDana.message.role, asDana.message.author_name, asDana.message.sender_id], ['human', 'Dana Reyes', 'usr_send_dana']);
    // A grant Sam approved: Sam by default, an agent when asked, never Dana.
    const sam = { ...h.as.northwind, credential: { ...h.as.northwind.credential, type: 'oauth' as const, userId: 'usr_send_sam' } };
    const bySam = await h.call(sendConversationMessage, { conversation_id: conversation.id, body: 'Sam here.' }, sam);
    assert.equal(bySam.message.sender_id, 'usr_send_sam');
    const asAgent = await h.call(
      sendConversationMessage,
      { conversation_id: conversation.id, body: 'Agent here.', sender_id: conversation.agent_id },
      sam,
    );
    assert.equal(asAgent.message.role, 'agent');
    await h.refuse(
      sendConversationMessage,
      { conversation_id: conversation.id, body: 'Not Dana.', sender_id: 'usr_send_dana' },
      'forbidden',
      sam,
    );
    const bluebirdAgent = await h.one<{ id: string }>('select id from agents where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(
      sendConversationMessage,
      { conversation_id: conversation.id, body: 'Hi', sender_id: bluebirdAgent.id },
      'invalid_argument',
    );
  });

  if (h.engine.name === 'postgres') {
    test('the same text sent at once from two instances, without a key, reaches the customer once', async () => {
      const conversation = await webConversation();
      const input = { conversation_id: conversation.id, body: 'Sent twice by a retrying model.' };
      const answers = await h.withSecondInstance((elsewhere) =>
        Promise.all([
          ...Array.from({ length: 4 }, () => h.outcome(sendConversationMessage, h.as.northwind, input)),
          ...Array.from({ length: 4 }, () => elsewhere(sendConversationMessage, h.as.northwind, input)),
        ]),
      );
      assert.equal(answers.filter((a) => a.ok).length, 1);
      assert.ok(answers.every((a) => a.ok || a.error.code === 'conflict'));
      const { n } = await h.one<{ n: number }>('select count(*) as n from messages where conversation_id = $1 and body = $2', [
        conversation.id,
        input.body,
      ]);
      assert.equal(n, 1);
    });
  }

  test("refuses another account's conversation, an unknown sender, an empty body and a read-only key, leaving no row", async () => {
    const theirs = await h.one<{ id: string }>('select id from conversations where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(sendConversationMessage, { conversation_id: theirs.id, body: 'Hello' }, 'not_found');
    const conversation = await webConversation();
    const unknown = await h.refuse(
      sendConversationMessage,
      { conversation_id: conversation.id, body: 'Hello', sender_id: 'ag_nope' },
      'invalid_argument',
    );
    assert.match(unknown.hint ?? '', /list_workspace_senders/);
    await h.refuse(sendConversationMessage, { conversation_id: conversation.id, body: '  ' }, 'invalid_argument');
    await h.refuse(
      sendConversationMessage,
      { conversation_id: conversation.id, body: 'Hello' },
      'insufficient_scope',
      h.as.northwindReadOnly,
    );
    const { n } = await h.one<{ n: number }>("select count(*) as n from messages where body = 'Hello'");
    assert.equal(n, 0);
  });
});
