import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listKnowledgeNodes } from './list-knowledge-nodes.ts';

await describeOperation(listKnowledgeNodes, (h) => {
  test('lists nodes by path, narrowed by path prefix and status, totals as the table has them', async () => {
    const [web] = await h.workspaceIds('northwind');
    const all = await h.call(listKnowledgeNodes, { workspace: web, per_page: 100 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from kb_articles where workspace_id = $1', [web]);
    assert.equal(all.pagination.total, n);
    const paths = all.nodes.map((node) => node.path);
    assert.deepEqual([...paths].sort(), paths);
    const workshops = await h.call(listKnowledgeNodes, { workspace: web, path_prefix: '/workshops', per_page: 100 });
    assert.ok(workshops.nodes.length > 0 && workshops.nodes.every((node) => node.path.startsWith('/workshops')));
    const review = await h.call(listKnowledgeNodes, { status: 'in_review', per_page: 100 });
    assert.ok(review.nodes.length > 0 && review.nodes.every((node) => node.status === 'in_review'));
  });

  test('a path prefix is taken literally, and bad input is refused', async () => {
    const none = await h.call(listKnowledgeNodes, { path_prefix: '/%' });
    assert.equal(none.pagination.total, 0);
    await h.refuse(listKnowledgeNodes, { path_prefix: 'workshops' }, 'invalid_argument');
    await h.refuse(listKnowledgeNodes, { status: 'approved' }, 'invalid_argument');
  });
});
