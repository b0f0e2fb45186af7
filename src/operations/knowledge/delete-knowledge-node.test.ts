import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { deleteKnowledgeNode } from './delete-knowledge-node.ts';
import { getKnowledgeNode } from './get-knowledge-node.ts';

await describeOperation(deleteKnowledgeNode, (h) => {
  const nodeIn = async (status: string) =>
    h.one<{ id: string; path: string }>(
      `select id, path from kb_articles where workspace_id = any($1) and review_status = $2 order by path limit 1`,
      [await h.workspaceIds('northwind'), status],
    );

  test('a draft goes at once; a published node only with force, the refusal saying how to retire it instead', async () => {
    const draft = await nodeIn('draft');
    const { deleted } = await h.call(deleteKnowledgeNode, { node: draft.id });
    assert.equal(deleted.path, draft.path);
    await h.refuse(getKnowledgeNode, { node: draft.id }, 'not_found');
    await h.refuse(deleteKnowledgeNode, { node: draft.id }, 'not_found');

    const published = await nodeIn('published');
    const refused = await h.refuse(deleteKnowledgeNode, { node: published.id }, 'conflict');
    assert.match(refused.hint ?? '', /force: true/);
    assert.match(refused.hint ?? '', /draft/);
    await h.call(deleteKnowledgeNode, { node: published.path, force: true });
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from outbox where subject_id in ($1, $2) and event_type = 'knowledge_node.deleted'`,
      [draft.id, published.id],
    );
    assert.equal(n, 2);
  });

  test('another tenant and a read-only key are refused', async () => {
    const ours = await nodeIn('in_review');
    await h.refuse(deleteKnowledgeNode, { node: ours.id }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from kb_articles where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(deleteKnowledgeNode, { node: theirs.id, force: true }, 'not_found');
  });
});
