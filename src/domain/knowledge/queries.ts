import type { Queryable } from '../../db/database.ts';
import { Conditions, likeEscape, selectPage } from '../../db/sql.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import type { KnowledgeCategory, KnowledgeChange, KnowledgeNode, KnowledgeNodeSummary } from './schema.ts';

const FROM = 'kb_articles a left join kb_categories k on k.id = a.category_id';
const SUMMARY_COLUMNS = `a.id, a.workspace_id, a.path, a.title, a.description, k.name as category, a.review_status as status, a.keywords,
  a.author, a.updated_at`;

export interface NodeFilter {
  pathPrefix?: string | undefined;
  categoryId?: string | undefined;
  status?: string | undefined;
}

/** The tenant's nodes by path, narrowed to a path prefix (`/billing`), a category or a status. */
export async function listNodes(db: Queryable, tenant: Tenant, filter: NodeFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`a.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(filter.pathPrefix === undefined ? undefined : likeEscape(filter.pathPrefix), (p) => `a.path like ${p} || '%'`);
  where.addIf(filter.categoryId, (p) => `a.category_id = ${p}`);
  where.addIf(filter.status, (p) => `a.review_status = ${p}`);
  return selectPage<KnowledgeNodeSummary>(db, { columns: SUMMARY_COLUMNS, from: FROM, where, orderBy: 'a.path, a.id' }, page);
}

/** One node of the tenant, by id or by path within a workspace of the tenant. */
export async function getNode(db: Queryable, tenant: Tenant, idOrPath: string): Promise<Owned<KnowledgeNode> | undefined> {
  const [row] = await db.query<KnowledgeNode>(
    `select ${SUMMARY_COLUMNS}, a.category_id, a.content as body, a.version, a.created_at from ${FROM}
     where (a.id = $1 or a.path = $1) and a.workspace_id = any($2) order by a.workspace_id limit 1`,
    [idOrPath, tenant.workspaceIds],
  );
  return owned(row);
}

/** A node as it was at an earlier version, kept when a change replaced it. */
export async function getNodeVersion(db: Queryable, node: KnowledgeNode, version: number): Promise<KnowledgeNode | undefined> {
  const [row] = await db.query<KnowledgeNode>(
    `select a.id, a.workspace_id, v.path, v.title, v.description, k.name as category, v.review_status as status, v.keywords, v.author,
       v.written_at as updated_at, v.category_id, v.content as body, v.version, a.created_at
     from kb_article_versions v join kb_articles a on a.id = v.article_id left join kb_categories k on k.id = v.category_id
     where v.article_id = $1 and v.version = $2`,
    [node.id, version],
  );
  return row;
}

/** A page of a node's history, newest first. */
export async function nodeHistory(db: Queryable, node: KnowledgeNode, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`v.article_id = ${where.param(node.id)}`);
  return selectPage<KnowledgeChange>(
    db,
    {
      columns: 'v.version, v.changed, v.actor_id, v.via, v.created_at as at',
      from: 'kb_article_versions v',
      where,
      orderBy: 'v.version desc',
    },
    page,
  );
}

/** The node at a path in a workspace, if any. */
export async function nodeAtPath(db: Queryable, workspaceId: string, path: string) {
  const [row] = await db.query<{ id: string }>('select id from kb_articles where workspace_id = $1 and path = $2', [workspaceId, path]);
  return row;
}

/** A category of a workspace by id or slug. */
export async function findCategory(db: Queryable, workspaceId: string, idOrSlug: string) {
  const [row] = await db.query<{ id: string; slug: string }>(
    'select id, slug from kb_categories where workspace_id = $1 and (id = $2 or slug = $2)',
    [workspaceId, idOrSlug],
  );
  return row;
}

const CATEGORY_COLUMNS = `k.id, k.workspace_id, k.name, k.slug, k.description,
  (select count(*) from kb_articles a where a.category_id = k.id) as node_count`;

export async function listCategories(db: Queryable, tenant: Tenant): Promise<KnowledgeCategory[]> {
  return db.query<KnowledgeCategory>(
    `select ${CATEGORY_COLUMNS} from kb_categories k where k.workspace_id = any($1) order by k.workspace_id, k.position, k.name`,
    [tenant.workspaceIds],
  );
}

export async function getCategory(db: Queryable, workspaceId: string, id: string): Promise<KnowledgeCategory | undefined> {
  const [row] = await db.query<KnowledgeCategory>(
    `select ${CATEGORY_COLUMNS} from kb_categories k where k.workspace_id = $1 and k.id = $2`,
    [workspaceId, id],
  );
  return row;
}

export interface SearchCandidate {
  id: string;
  workspace_id: string;
  path: string;
  title: string;
  status: KnowledgeNodeSummary['status'];
  content: string;
  literal: boolean;
}

/**
 * Nodes whose title or body holds every one of `terms` literally (a phrase is one term; numbers and stop words count),
 * first, then those full-text search finds (other forms of the words), up to `limit`, with how many match in all.
 */
export async function searchNodes(
  db: Queryable,
  tenant: Tenant,
  search: { terms: readonly string[]; text: string; status?: string | undefined },
  limit: number,
) {
  const where = new Conditions();
  where.add(`a.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(search.status, (p) => `a.review_status = ${p}`);
  const patterns = where.param(search.terms.map((term) => `%${likeEscape(term)}%`));
  const text = where.param(search.text);
  const literal = `(a.title || ' ' || a.content) ilike all(${patterns})`;
  where.add(`(${literal} or a.search @@ websearch_to_tsquery('english', ${text}))`);
  const { total, items } = await selectPage<SearchCandidate>(
    db,
    {
      columns: `a.id, a.workspace_id, a.path, a.title, a.review_status as status, a.content, ${literal} as literal`,
      from: 'kb_articles a',
      where,
      orderBy: `${literal} desc, ts_rank(a.search, websearch_to_tsquery('english', ${text})) desc, a.path, a.id`,
    },
    { limit, offset: 0 },
  );
  return { total, nodes: items };
}
