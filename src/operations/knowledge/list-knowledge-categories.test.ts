import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listKnowledgeCategories } from './list-knowledge-categories.ts';

await describeOperation(listKnowledgeCategories, (h) => {
  test('lists the categories with their node counts', async () => {
    const { categories } = await h.call(listKnowledgeCategories, {});
    const rows = await h.sql<{ id: string; n: number }>(
      'select k.id, count(a.id) as n from kb_categories k left join kb_articles a on a.category_id = k.id where k.workspace_id = any($1) group by k.id order by k.id',
      [await h.workspaceIds('northwind')],
    );
    assert.deepEqual(
      categories.map((c) => ({ id: c.id, n: c.node_count })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      rows,
    );
    const bluebird = await h.call(listKnowledgeCategories, {}, h.as.bluebird);
    assert.ok(bluebird.categories.every((c) => !rows.some((r) => r.id === c.id)));
  });
});
