import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listContactEmailThreads } from './list-contact-email-threads.ts';

await describeOperation(listContactEmailThreads, (h) => {
  test('lists e-mail threads only, each with its latest message and that message’s delivery status', async () => {
    const replied = await h.one<{ contact_id: string; conversation_id: string; body: string }>(
      `select c.contact_id, c.id as conversation_id, m.body from conversations c join messages m on m.conversation_id = c.id
       where c.workspace_id = any($1) and c.channel = 'email' and m.role = 'visitor' order by c.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const { threads, pagination } = await h.call(listContactEmailThreads, { contact_id: replied.contact_id });
    const { n } = await h.one<{ n: number }>("select count(*) as n from conversations where contact_id = $1 and channel = 'email'", [
      replied.contact_id,
    ]);
    assert.equal(pagination.total, n);
    const thread = threads.find((t) => t.id === replied.conversation_id)!;
    assert.equal(thread.last_message?.role, 'visitor');
    assert.equal(thread.last_message?.excerpt, replied.body.slice(0, 200));
    assert.equal(thread.last_message?.status, null);
    const unanswered = await h.one<{ contact_id: string; status: string }>(
      `select c.contact_id, m.status from conversations c join messages m on m.conversation_id = c.id
       where c.workspace_id = any($1) and c.channel = 'email' and c.message_count = 1 order by c.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const sent = await h.call(listContactEmailThreads, { contact_id: unanswered.contact_id });
    assert.ok(sent.threads.some((t) => t.last_message?.status === unanswered.status && t.last_message.role === 'agent'));
  });

  test("a contact without e-mail threads has none; another account's contact is not found", async () => {
    const quiet = await h.one<{ id: string }>(
      "select id from contacts ct where workspace_id = any($1) and not exists (select 1 from conversations c where c.contact_id = ct.id and c.channel = 'email') limit 1",
      [await h.workspaceIds('northwind')],
    );
    assert.deepEqual((await h.call(listContactEmailThreads, { contact_id: quiet.id })).threads, []);
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(listContactEmailThreads, { contact_id: theirs.id }, 'not_found');
  });
});
