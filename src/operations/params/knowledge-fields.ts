import * as z from 'zod';
import type { Queryable } from '../../db/database.ts';
import { holdLock } from '../../db/sql.ts';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { REVIEW_STATUSES } from '../../domain/knowledge/schema.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { notFound } from '../errors.ts';
import { refuseTaken } from './taken.ts';
import { tenantFor, WorkspaceParam } from './workspace.ts';

/** The fields create_knowledge_node and update_knowledge_node set, read the same way by both. */
export const NodeFieldParams = {
  path: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .regex(/^(\/[a-z0-9][a-z0-9._-]*)+$/, 'a path of lowercase segments, such as /billing/refunds')
    .describe('Where the node lives, such as /billing/refunds: unique in its workspace.'),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(100_000).describe('Markdown, up to 100,000 characters.'),
  description: z.string().trim().min(1).max(500).describe('One or two sentences: what the node answers.'),
  keywords: z
    .array(z.string().trim().toLowerCase().min(1).max(50))
    .max(30)
    .transform((words) => [...new Set(words)]),
  category: z.string().min(1).max(64).describe('A category id (kbc_...) or slug, from list_knowledge_categories.'),
  status: z.enum(REVIEW_STATUSES).describe('draft, in_review, or published (what the agents answer from).'),
  author: z.string().trim().min(1).max(100),
};

/** Which node a call means: an id, or a path (with the workspace when several have it). */
export const NodeRefParams = {
  node: z.string().min(1).max(200).describe('A node id (kba_...) or its path (/billing/refunds).'),
  workspace: WorkspaceParam,
};

/** The node a call means, which must exist for the caller. */
export async function findNode(db: Queryable, principal: Principal, ref: { node: string; workspace?: string | undefined }) {
  const node = await knowledge.getNode(db, tenantFor(principal, ref.workspace), ref.node);
  if (!node) throw notFound('knowledge node', ref.node, 'Use search_knowledge or list_knowledge_nodes to find nodes.');
  return node;
}

/** The node a write means, held until the write ends and read again under the hold, so two writes to it run in turn. */
export async function holdNode(db: Queryable, principal: Principal, ref: { node: string; workspace?: string | undefined }) {
  const found = await findNode(db, principal, ref);
  await holdLock(db, `kb-node:${found.id}`);
  return (await knowledge.getNode(db, tenantFor(principal, ref.workspace), found.id))!;
}

/** A category of the workspace, by id or slug, which must exist there. */
export async function findCategory(db: Queryable, workspaceId: string, idOrSlug: string): Promise<string> {
  const category = await knowledge.findCategory(db, workspaceId, idOrSlug);
  if (!category) throw notFound('knowledge category', idOrSlug, 'Use list_knowledge_categories, or create_knowledge_category.');
  return category.id;
}

/** Refuses a path another node of the workspace has; `self` is the node being moved. */
export function refusePathTaken(db: Queryable, workspaceId: string, path: string, self?: string): Promise<void> {
  return refuseTaken(
    db,
    { what: 'Node', field: 'path', value: path, owner: workspaceId },
    () => knowledge.nodeAtPath(db, workspaceId, path),
    {
      self,
      hint: 'Change that node with update_knowledge_node, or pick another path.',
    },
  );
}
