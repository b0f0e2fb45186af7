import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listConversationMessages } from './list-conversation-messages.ts';

await describeOperation(listConversationMessages, (h) => {
  test('pages through a transcript in order, either way, with the total the table has', async () => {
    const row = await h.one<{ id: string; n: number }>(
      `select c.id, count(*) as n from conversations c join messages m on m.conversation_id = c.id where c.workspace_id = any($1)
       group by c.id having count(*) >= 6 order by c.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const ids = (await h.sql<{ id: string }>('select id from messages where conversation_id = $1 order by created_at, id', [row.id])).map(
      (m) => m.id,
    );
    const first = await h.call(listConversationMessages, { conversation_id: row.id, per_page: 3 });
    const second = await h.call(listConversationMessages, { conversation_id: row.id, per_page: 3, page: 2 });
    assert.equal(first.pagination.total, row.n);
    assert.deepEqual(
      [...first.messages, ...second.messages].map((m) => m.id),
      ids.slice(0, 6),
    );
    const latest = await h.call(listConversationMessages, { conversation_id: row.id, order: 'newest_first', per_page: 2 });
    assert.deepEqual(
      latest.messages.map((m) => m.id),
      ids.slice(-2).reverse(),
    );
  });

  test('outgoing messages carry their delivery status and a failure its reason; received ones carry none', async () => {
    const failed = await h.one<{ conversation_id: string; status_reason: string }>(
      "select conversation_id, status_reason from messages where workspace_id = any($1) and status = 'failed' limit 1",
      [await h.workspaceIds('northwind')],
    );
    const { messages } = await h.call(listConversationMessages, { conversation_id: failed.conversation_id });
    const outgoing = messages.find((m) => m.status === 'failed')!;
    assert.equal(outgoing.status_reason, failed.status_reason);
    assert.ok(messages.filter((m) => m.role === 'visitor').every((m) => m.status === undefined));
  });

  test("another account's conversation is not found", async () => {
    const theirs = await h.one<{ id: string }>('select id from conversations where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(listConversationMessages, { conversation_id: theirs.id }, 'not_found');
    await h.refuse(listConversationMessages, { conversation_id: theirs.id, order: 'random' }, 'invalid_argument');
  });
});
