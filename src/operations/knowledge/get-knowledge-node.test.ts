import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getKnowledgeNode } from './get-knowledge-node.ts';

await describeOperation(getKnowledgeNode, (h) => {
  test('returns a node with its body by id, and by path within a workspace', async () => {
    const [, eu] = await h.workspaceIds('northwind');
    const row = await h.one<{ id: string; content: string }>(
      "select id, content from kb_articles where workspace_id = $1 and path = '/workshops/faq'",
      [eu],
    );
    const byPath = await h.call(getKnowledgeNode, { node: '/workshops/faq', workspace: eu });
    assert.equal(byPath.node.id, row.id);
    assert.equal(byPath.node.body, row.content);
    const byId = await h.call(getKnowledgeNode, { node: row.id });
    assert.deepEqual(byId.node, byPath.node);
  });

  test("another account's node is not found, by id or path", async () => {
    const theirs = await h.one<{ id: string; path: string }>(
      "select id, path from kb_articles where workspace_id = any($1) and path = '/help/deposit-refunds'",
      [await h.workspaceIds('bluebird')],
    );
    await h.refuse(getKnowledgeNode, { node: theirs.id }, 'not_found');
    await h.refuse(getKnowledgeNode, { node: theirs.path }, 'not_found');
  });
});
