import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createKnowledgeCategory } from './create-knowledge-category.ts';
import { createKnowledgeNode } from './create-knowledge-node.ts';

await describeOperation(createKnowledgeCategory, (h) => {
  test('adds a category last, its slug from the name, and new nodes under its slug are filed in it', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    const { last } = await h.one<{ last: number }>('select max(position) as last from kb_categories where workspace_id = $1', [workspace]);
    const { category } = await h.call(createKnowledgeCategory, { workspace, name: 'Privacy & Data' });
    assert.deepEqual([category.slug, category.node_count], ['privacy-and-data', 0]);
    const { position } = await h.one<{ position: number }>('select position from kb_categories where id = $1', [category.id]);
    assert.equal(position, last + 1);
    const { node } = await h.call(createKnowledgeNode, {
      workspace,
      path: '/privacy-and-data/gdpr',
      title: 'GDPR',
      body: 'We delete on request.',
    });
    assert.equal(node.category_id, category.id);
    const refused = await h.refuse(createKnowledgeCategory, { workspace, name: 'Privacy and data' }, 'conflict');
    assert.match(refused.message, /privacy-and-data/);
    await h.call(createKnowledgeCategory, { workspace, name: 'Privacy and data', slug: 'privacy-2' });
  });

  test('bad input, another tenant and a read-only key are refused', async () => {
    const [workspace] = await h.workspaceIds('northwind');
    await h.refuse(createKnowledgeCategory, { workspace, name: ' ' }, 'invalid_argument');
    await h.refuse(createKnowledgeCategory, { workspace, name: 'X', slug: 'Not A Slug!' }, 'invalid_argument');
    await h.refuse(createKnowledgeCategory, { workspace, name: 'X' }, 'insufficient_scope', h.as.northwindReadOnly);
    await h.refuse(createKnowledgeCategory, { workspace: (await h.workspaceIds('bluebird'))[0], name: 'X' }, 'not_found');
  });
});
