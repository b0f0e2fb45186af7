import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listContactConversations } from './list-contact-conversations.ts';

await describeOperation(listContactConversations, (h) => {
  test('lists all of a contact’s conversations on every channel, latest first, and narrows by channel', async () => {
    const contact = await h.one<{ id: string; n: number }>(
      `select ct.id, count(*) as n from contacts ct join conversations c on c.contact_id = ct.id where ct.workspace_id = any($1)
       group by ct.id having count(distinct c.channel) > 1 order by count(*) desc, ct.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const all = await h.call(listContactConversations, { contact_id: contact.id, per_page: 100 });
    assert.equal(all.pagination.total, contact.n);
    assert.ok(all.conversations.every((c) => c.contact_id === contact.id));
    const times = all.conversations.map((c) => c.last_message_at);
    assert.deepEqual([...times].sort().reverse(), times);
    const email = await h.call(listContactConversations, { contact_id: contact.id, channel: 'email' });
    const { n } = await h.one<{ n: number }>("select count(*) as n from conversations where contact_id = $1 and channel = 'email'", [
      contact.id,
    ]);
    assert.ok(n > 0);
    assert.equal(email.pagination.total, n);
  });

  test("another account's contact is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(listContactConversations, { contact_id: theirs.id }, 'not_found');
    await h.refuse(listContactConversations, { contact_id: theirs.id, status: 'lost' }, 'invalid_argument');
  });
});
