import type { Queryable } from '../../db/database.ts';
import { RowUpdate } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import type { Actor } from '../tenancy/principal.ts';
import type { Owned } from '../tenancy/tenant.ts';
import type { KnowledgeNode, NodeField } from './schema.ts';

/** Where each field of a node is stored. */
const COLUMNS: Record<NodeField, string> = {
  path: 'path',
  title: 'title',
  body: 'content',
  description: 'description',
  keywords: 'keywords',
  category_id: 'category_id',
  status: 'review_status',
  author: 'author',
};

export type NodeValues = {
  [F in NodeField]: F extends 'keywords' ? readonly string[] : F extends 'path' | 'title' | 'body' | 'status' ? string : string | null;
};

export async function insertNode(db: Queryable, workspaceId: string, node: NodeValues): Promise<string> {
  const id = newId('kbArticle');
  const fields = Object.keys(COLUMNS) as NodeField[];
  await db.query(
    `insert into kb_articles (id, workspace_id, ${fields.map((f) => COLUMNS[f]).join(', ')})
     values ($1, $2, ${fields.map((_, i) => `$${i + 3}`).join(', ')})`,
    [id, workspaceId, ...fields.map((f) => node[f])],
  );
  return id;
}

/**
 * Keeps the node as it is as its current version, with what is changing and who changes it, then sets the fields
 * given (names trusted: from NODE_FIELDS) and counts one version more.
 */
export async function changeNode(db: Queryable, node: Owned<KnowledgeNode>, changes: Partial<NodeValues>, actor: Actor): Promise<void> {
  const fields = Object.keys(changes) as NodeField[];
  if (fields.length === 0) return;
  await db.query(
    `insert into kb_article_versions (id, article_id, workspace_id, version, path, title, content, description, keywords, review_status,
       category_id, author, written_at, changed, actor_id, via)
     select $2, id, workspace_id, version, path, title, content, description, keywords, review_status, category_id, author, updated_at,
       $3, $4, $5
     from kb_articles where id = $1`,
    [node.id, newId('kbVersion'), fields, actor.id, actor.via],
  );
  await new RowUpdate('kb_articles', node.id)
    .setAll(Object.fromEntries(fields.map((f) => [COLUMNS[f], changes[f]])))
    .run(db, 'version = version + 1, updated_at = now()');
}

export async function deleteNode(db: Queryable, node: Owned<KnowledgeNode>): Promise<void> {
  await db.query('delete from kb_articles where id = $1', [node.id]);
}

export async function insertCategory(
  db: Queryable,
  workspaceId: string,
  category: { name: string; slug: string; description: string | null; position: number | undefined },
): Promise<string> {
  const id = newId('kbCategory');
  await db.query(
    `insert into kb_categories (id, workspace_id, name, slug, description, position)
     values ($1, $2, $3, $4, $5, coalesce($6, (select coalesce(max(position), -1) + 1 from kb_categories where workspace_id = $2)))`,
    [id, workspaceId, category.name, category.slug, category.description, category.position ?? null],
  );
  return id;
}
