import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getConversation } from './get-conversation.ts';

await describeOperation(getConversation, (h) => {
  test('returns the whole transcript in order, with its contact', async () => {
    const row = await h.one<{ id: string; n: number }>(
      "select c.id, count(m.id) as n from conversations c join messages m on m.conversation_id = c.id join workspaces w on w.id = c.workspace_id where w.slug = 'northwind-web' and c.status = 'escalated' group by c.id order by max(c.started_at) desc limit 1",
    );
    const conversation = await h.call(getConversation, { conversation_id: row.id });
    assert.equal(conversation.conversation.id, row.id);
    assert.equal(conversation.messages.length, row.n);
    assert.equal(conversation.messages_total, row.n);
    const times = conversation.messages.map((m) => m.created_at);
    assert.deepEqual([...times].sort(), times, 'chronological');
    assert.ok(
      conversation.messages.some((m) => m.role === 'human'),
      'an escalated conversation has a human reply',
    );
    const contact = await h.one<{ email: string }>(
      'select ct.email from contacts ct join conversations c on c.contact_id = ct.id where c.id = $1',
      [row.id],
    );
    assert.equal(conversation.contact?.email, contact.email);
  });

  test("an unknown id, or another account's, is not found", async () => {
    const error = await h.refuse(getConversation, { conversation_id: 'cv_nope' }, 'not_found');
    assert.match(error.hint ?? '', /search_conversations/);
    const theirs = await h.one<{ id: string }>('select id from conversations where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getConversation, { conversation_id: theirs.id }, 'not_found');
  });
});
