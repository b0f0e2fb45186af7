import * as z from 'zod';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeNodeSummary, REVIEW_STATUSES } from '../../domain/knowledge/schema.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listKnowledgeNodes = defineOperation({
  name: 'list_knowledge_nodes',
  title: 'List knowledge nodes',
  description:
    'Knowledge base nodes (articles) by path, without their bodies: title, description, category, review status (draft, ' +
    'in_review, published), keywords, author, last change. Narrow by path prefix (/billing), category or status; ' +
    'search_knowledge finds nodes by what they say.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    path_prefix: z.string().min(1).max(200).startsWith('/').optional().describe('Only nodes under this path, e.g. /workshops.'),
    category_id: z.string().max(64).optional().describe('A category id (kbc_...) from list_knowledge_categories.'),
    status: z.enum(REVIEW_STATUSES).optional(),
    ...PaginationParams,
  }),
  output: z.object({ nodes: z.array(KnowledgeNodeSummary), pagination: PageInfo }),
  rest: { method: 'GET', path: '/knowledge/nodes' },
  examples: [
    { summary: 'Every node, by path', input: {} },
    { summary: 'Nodes waiting for review', input: { status: 'in_review' } },
  ],
  async run({ db, principal }, input) {
    const { total, items } = await knowledge.listNodes(
      db,
      tenantFor(principal, input.workspace),
      { pathPrefix: input.path_prefix, categoryId: input.category_id, status: input.status },
      pageRequest(input),
    );
    return { nodes: items, pagination: pageInfo(input, total) };
  },
});
