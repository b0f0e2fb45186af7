import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { sendContactMessage } from './send-contact-message.ts';

await describeOperation(sendContactMessage, (h) => {
  const contactWithout = async (channel: string) =>
    h.one<{ id: string; email: string; workspace_id: string }>(
      `select ct.id, ct.email, ct.workspace_id from contacts ct where ct.workspace_id = any($1) and ct.email is not null
       and not exists (select 1 from conversations c where c.contact_id = ct.id and c.channel = $2) order by ct.id limit 1`,
      [await h.workspaceIds('northwind'), channel],
    );

  test('a subject opens an e-mail thread to the address; the next message continues it; both announced', async () => {
    const contact = await contactWithout('email');
    const opened = await h.call(sendContactMessage, {
      contact_id: contact.id,
      channel: 'email',
      subject: 'Your trial',
      body: 'Hi! How is the trial going?',
      idempotency_key: 'email-1',
    });
    assert.equal(opened.conversation_opened, true);
    assert.equal(opened.message.recipient, contact.email);
    assert.equal(opened.message.subject, 'Your trial');
    assert.equal(opened.message.status, 'queued');
    const conversation = await h.one<Record<string, unknown>>(
      'select workspace_id, contact_id, channel, status, subject, message_count from conversations where id = $1',
      [opened.message.conversation_id],
    );
    assert.deepEqual(conversation, {
      workspace_id: contact.workspace_id,
      contact_id: contact.id,
      channel: 'email',
      status: 'open',
      subject: 'Your trial',
      message_count: 1,
    });
    const next = await h.call(sendContactMessage, { contact_id: contact.id, channel: 'email', body: 'One more thing: pricing.' });
    assert.equal(next.conversation_opened, false);
    assert.equal(next.message.conversation_id, opened.message.conversation_id);
    const events = await h.sql<{ event_type: string }>('select event_type from outbox where subject_id = any($1) order by event_type', [
      [opened.message.conversation_id, opened.message.id, next.message.id],
    ]);
    assert.deepEqual(
      events.map((e) => e.event_type),
      ['conversation.created', 'message.created', 'message.created'],
    );
  });

  test('a retried first e-mail without a key opens no second thread: the same text to the contact is refused', async () => {
    const contact = await contactWithout('email');
    const input = { contact_id: contact.id, channel: 'email', subject: 'Welcome', body: 'Welcome aboard!' };
    await h.call(sendContactMessage, input);
    const repeat = await h.refuse(sendContactMessage, input, 'conflict');
    assert.match(repeat.message, /already sent to this contact on email/);
    const { n } = await h.one<{ n: number }>("select count(*) as n from conversations where contact_id = $1 and channel = 'email'", [
      contact.id,
    ]);
    assert.equal(n, 1);
    const meant = await h.call(sendContactMessage, { ...input, allow_duplicate: true });
    assert.equal(meant.conversation_opened, true, 'a subject starts a thread when the repeat is meant');
  });

  test('refuses a channel the workspace cannot send on, a missing address or subject, and subject off email; nothing is left', async () => {
    const contact = await contactWithout('email');
    const disabled = await h.refuse(sendContactMessage, { contact_id: contact.id, channel: 'whatsapp', body: 'Hi' }, 'invalid_argument');
    assert.match(disabled.hint ?? '', /list_workspace_senders/);
    const noSubject = await h.refuse(sendContactMessage, { contact_id: contact.id, channel: 'email', body: 'Hi' }, 'invalid_argument');
    assert.match(noSubject.message, /pass subject/);
    await h.refuse(sendContactMessage, { contact_id: contact.id, channel: 'sms', subject: 'x', body: 'Hi' }, 'invalid_argument');
    const clinicPatient = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) order by id limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    // The demo's outreach may have texted this patient already (who it picks moves with the clock): count what is there.
    const smsConversations = () =>
      h.one<{ n: number }>("select count(*) as n from conversations where contact_id = $1 and channel = 'sms'", [clinicPatient.id]);
    const before = await smsConversations();
    await h.refuse(sendContactMessage, { contact_id: clinicPatient.id, channel: 'sms', body: 'Hi' }, 'not_found');
    await h.sql('update contacts set phone = null where id = $1', [clinicPatient.id]);
    const noPhone = await h.refuse(
      sendContactMessage,
      { contact_id: clinicPatient.id, channel: 'sms', body: 'Hi' },
      'invalid_argument',
      h.as.bluebird,
    );
    assert.match(noPhone.message, /no phone number/);
    assert.match(noPhone.hint ?? '', /patch_contact/);
    const { n } = await h.one<{ n: number }>("select count(*) as n from conversations where contact_id = $1 and channel <> 'web'", [
      contact.id,
    ]);
    assert.equal(n, 0);
    assert.equal((await smsConversations()).n, before.n, 'the conversation opened for a refused message is rolled back');
  });
});
