import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { searchConversations } from './search-conversations.ts';

await describeOperation(searchConversations, (h) => {
  test('finds message text, with snippets, the total the table has, and pages that do not overlap', async () => {
    const found = await h.call(searchConversations, { query: 'refund', per_page: 5 });
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from conversations c where c.workspace_id = any($1) and c.started_at >= $2 and c.started_at < $3
       and exists (select 1 from messages m where m.conversation_id = c.id and m.search @@ websearch_to_tsquery('english', 'refund'))`,
      [await h.workspaceIds('northwind'), found.range.start, found.range.end],
    );
    assert.equal(found.pagination.total, n);
    assert.ok(n > 5 && found.conversations.length === 5 && found.pagination.has_more);
    for (const c of found.conversations) assert.match(c.snippet ?? '', /\*\*refund/i);
    const starts = found.conversations.map((c) => c.started_at);
    assert.deepEqual([...starts].sort().reverse(), starts, 'newest first');
    const page2 = await h.call(searchConversations, { query: 'refund', per_page: 5, page: 2 });
    assert.equal(page2.conversations.filter((c) => found.conversations.some((f) => f.id === c.id)).length, 0);
  });

  test('filters by status, visitor and workspace', async () => {
    const escalated = await h.call(searchConversations, { status: 'escalated', per_page: 100 });
    assert.ok(escalated.conversations.length > 0 && escalated.conversations.every((c) => c.status === 'escalated'));
    const visitorId = escalated.conversations.find((c) => c.visitor_id)!.visitor_id!;
    const byVisitor = await h.call(searchConversations, { visitor_id: visitorId, start_date: '2020-01-01' });
    const { n } = await h.one<{ n: number }>('select count(*) as n from conversations where visitor_id = $1', [visitorId]);
    assert.equal(byVisitor.pagination.total, n);
    assert.ok(byVisitor.conversations.every((c) => c.visitor_id === visitorId));
    const [web] = await h.workspaceIds('northwind');
    const inWeb = await h.call(searchConversations, { workspace: web, per_page: 100 });
    assert.ok(inWeb.conversations.every((c) => c.workspace_id === web));
  });

  test('a workspace read-only key sees only its workspace', async () => {
    const [first] = await h.workspaceIds('northwind');
    const found = await h.call(searchConversations, { per_page: 100 }, h.as.northwindReadOnly);
    assert.ok(found.conversations.length > 0 && found.conversations.every((c) => c.workspace_id === first));
  });

  test('refuses bad paging and unknown filters', async () => {
    await h.refuse(searchConversations, { per_page: 1000 }, 'invalid_argument');
    await h.refuse(searchConversations, { status: 'lost' }, 'invalid_argument');
    await h.refuse(searchConversations, { sort: 'oldest' }, 'invalid_argument');
  });
});
