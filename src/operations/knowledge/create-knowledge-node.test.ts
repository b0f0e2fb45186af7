import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createKnowledgeNode } from './create-knowledge-node.ts';
import { searchKnowledge } from './search-knowledge.ts';

await describeOperation(createKnowledgeNode, (h) => {
  test('writes a draft at a path, filed under the category of its first segment, findable at once; announced', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    const category = await h.one<{ id: string; slug: string }>(
      'select id, slug from kb_categories where workspace_id = $1 order by slug limit 1',
      [workspace],
    );
    const { node } = await h.call(createKnowledgeNode, {
      workspace,
      path: `/${category.slug}/late-arrival`,
      title: 'Arriving late',
      body: 'If you arrive more than 15 minutes late, we hold your seat for 10 minutes.',
      keywords: ['Late', 'late', 'arrival'],
      idempotency_key: 'kb-create-1',
    });
    assert.deepEqual(
      [node.status, node.version, node.category_id, node.keywords, node.author],
      ['draft', 1, category.id, ['late', 'arrival'], null],
    );
    const { matches } = await h.call(searchKnowledge, { workspace, query: '15 minutes late' });
    assert.deepEqual(
      matches.map((m) => m.id),
      [node.id],
    );
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from outbox where subject_id = $1 and event_type = 'knowledge_node.created'`,
      [node.id],
    );
    assert.equal(n, 1);
  });

  test('a taken path, a bad path or category, several workspaces unnamed, a read-only key are refused', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    const taken = await h.one<{ path: string }>('select path from kb_articles where workspace_id = $1 limit 1', [workspace]);
    const input = { workspace, path: taken.path, title: 'T', body: 'B' };
    const refused = await h.refuse(createKnowledgeNode, input, 'conflict');
    assert.match(refused.hint ?? '', /update_knowledge_node/);
    await h.refuse(createKnowledgeNode, { ...input, path: '/fresh/path', category: 'nope' }, 'not_found');
    await h.refuse(createKnowledgeNode, { ...input, path: '../etc' }, 'invalid_argument');
    await h.refuse(createKnowledgeNode, { ...input, path: '/fresh/path', body: ' ' }, 'invalid_argument');
    await h.refuse(createKnowledgeNode, { path: '/fresh/path', title: 'T', body: 'B' }, 'invalid_argument');
    await h.refuse(createKnowledgeNode, { ...input, path: '/fresh/path' }, 'insufficient_scope', h.as.northwindReadOnly);
    await h.refuse(createKnowledgeNode, { ...input, path: '/fresh/path', workspace: (await h.workspaceIds('bluebird'))[0] }, 'not_found');
  });
});
