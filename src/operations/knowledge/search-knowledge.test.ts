import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { searchKnowledge } from './search-knowledge.ts';

await describeOperation(searchKnowledge, (h) => {
  test('"48 hours" finds every node that says it, with the very sentence, in one answer under 4 KB', async () => {
    const result = await h.call(searchKnowledge, { query: '48 hours', limit: 25 });
    const expected = await h.sql<{ id: string }>(
      "select id from kb_articles where workspace_id = any($1) and (title || ' ' || content) ilike '%48 hours%' order by id",
      [await h.workspaceIds('northwind')],
    );
    assert.ok(expected.length >= 4);
    const literal = result.matches.filter((m) => m.exact);
    assert.deepEqual(
      literal.map((m) => m.id).sort(),
      expected.map((e) => e.id),
    );
    assert.ok(
      literal.every((m) => m.sentences.every((s) => s.includes('48 hours'))),
      'only the sentences that say it',
    );
    const faq = result.matches.find((m) => m.path === '/workshops/faq')!;
    assert.deepEqual(faq.sentences, [
      'Need to cancel? You can cancel up to 48 hours before the workshop and we refund the seat.'.split('? ')[1],
    ]);
    assert.ok(JSON.stringify(result).length < 4096, `${JSON.stringify(result).length} characters`);
  });

  test('a quoted phrase with stop words is matched as written; words match any form and narrow by status', async () => {
    const phrase = await h.call(searchKnowledge, { query: '"up to 24 hours"' });
    const exact = phrase.matches.filter((m) => m.exact);
    assert.ok(exact.length > 0 && exact.every((m) => m.sentences.every((s) => /up to 24 hours/i.test(s))));
    assert.ok(
      phrase.matches.findIndex((m) => !m.exact) === -1 || phrase.matches.findIndex((m) => !m.exact) >= exact.length,
      'exact ones first',
    );
    const published = await h.call(searchKnowledge, { query: 'refund', status: 'published' });
    assert.ok(published.matches.length > 0 && published.matches.every((m) => m.status === 'published'));
    const { n } = await h.one<{ n: number }>(
      "select count(*) as n from kb_articles where workspace_id = any($1) and review_status = 'published' and ((title || ' ' || content) ilike '%refund%' or search @@ websearch_to_tsquery('english', 'refund'))",
      [await h.workspaceIds('northwind')],
    );
    assert.equal(published.total, n);
  });

  test("another account's nodes are never found; an empty query is refused", async () => {
    const theirs = await h.call(searchKnowledge, { query: 'deposit' });
    const bluebird = new Set(await h.workspaceIds('bluebird'));
    assert.ok(theirs.matches.every((m) => !bluebird.has(m.workspace_id)));
    await h.refuse(searchKnowledge, { query: '  ' }, 'invalid_argument');
    await h.refuse(searchKnowledge, { query: '""' }, 'invalid_argument');
  });
});
