import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getKnowledgeNode } from './get-knowledge-node.ts';
import { updateKnowledgeNode } from './update-knowledge-node.ts';

await describeOperation(updateKnowledgeNode, (h) => {
  const nodeSaying = async (text: string) =>
    h.one<{ id: string; workspace_id: string; path: string; content: string; updated_at: Date }>(
      `select id, workspace_id, path, content, updated_at from kb_articles where workspace_id = any($1) and content ilike $2 and review_status = 'published'
       and description is not null order by path limit 1`,
      [await h.workspaceIds('northwind'), `%${text}%`],
    );

  test('a change keeps the version before, readable by version, with who changed what; a stale expected_version is refused', async () => {
    const before = await nodeSaying('48 hours');
    const body = before.content.replaceAll('48 hours', '24 hours');
    const { node, changed } = await h.call(updateKnowledgeNode, { node: before.id, body, expected_version: 1, idempotency_key: 'kb-1' });
    assert.deepEqual(changed, ['body']);
    assert.equal(node.version, 2);
    assert.equal(node.body, body);
    const { history, history_total } = await h.call(getKnowledgeNode, { node: before.id });
    assert.equal(history_total, 1);
    assert.deepEqual(
      { version: history[0]?.version, changed: history[0]?.changed, actor: history[0]?.actor_id },
      { version: 1, changed: ['body'], actor: h.as.northwind.credential.id },
    );
    const old = await h.call(getKnowledgeNode, { node: before.id, version: 1 });
    assert.equal(old.node.body, before.content);
    assert.equal(old.node.version, 1);
    assert.equal(Date.parse(old.node.updated_at), new Date(before.updated_at).getTime(), 'when that version was written');
    await h.refuse(getKnowledgeNode, { node: before.id, version: 7 }, 'not_found');

    const stale = await h.refuse(updateKnowledgeNode, { node: before.id, title: 'Mine', expected_version: 1 }, 'conflict');
    assert.match(stale.message, /at version 2, not 1/);
    const same = await h.call(updateKnowledgeNode, { node: before.id, body });
    assert.deepEqual(same.changed, []);
    assert.equal(same.node.version, 2, 'no change, no version');
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from outbox where subject_id = $1 and event_type = 'knowledge_node.updated'`,
      [before.id],
    );
    assert.equal(n, 1);
  });

  test('moves to a free path, clears fields with null, files it under a category; a taken path is refused', async () => {
    const node = await nodeSaying('refund');
    const other = await h.one<{ path: string }>('select path from kb_articles where workspace_id = $1 and id <> $2 limit 1', [
      node.workspace_id,
      node.id,
    ]);
    await h.refuse(updateKnowledgeNode, { node: node.id, path: other.path }, 'conflict');
    const category = await h.one<{ slug: string; id: string }>(
      `select k.id, k.slug from kb_categories k where k.workspace_id = $1
       and k.id is distinct from (select category_id from kb_articles where id = $2) order by k.slug limit 1`,
      [node.workspace_id, node.id],
    );
    const moved = await h.call(updateKnowledgeNode, {
      node: node.path,
      workspace: node.workspace_id,
      path: '/Archive/Old-Refunds',
      description: null,
      category: category.slug,
      status: 'draft',
    });
    assert.equal(moved.node.path, '/archive/old-refunds');
    assert.equal(moved.node.description, null);
    assert.equal(moved.node.category_id, category.id);
    assert.equal(moved.node.status, 'draft');
    assert.deepEqual(moved.changed, ['path', 'description', 'category_id', 'status']);
  });

  test('nothing to change, bad paths, unknown categories, another tenant and a read-only key are refused', async () => {
    const node = await nodeSaying('');
    await h.refuse(updateKnowledgeNode, { node: node.id }, 'invalid_argument');
    await h.refuse(updateKnowledgeNode, { node: node.id, path: 'no-slash' }, 'invalid_argument');
    await h.refuse(updateKnowledgeNode, { node: node.id, path: '/a b' }, 'invalid_argument');
    await h.refuse(updateKnowledgeNode, { node: node.id, category: 'no-such-category' }, 'not_found');
    await h.refuse(updateKnowledgeNode, { node: node.id, title: 'X' }, 'insufficient_scope', h.as.northwindReadOnly);
    const theirs = await h.one<{ id: string }>('select id from kb_articles where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(updateKnowledgeNode, { node: theirs.id, title: 'X' }, 'not_found');
  });
});
