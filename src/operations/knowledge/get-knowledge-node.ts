import * as z from 'zod';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeNode } from '../../domain/knowledge/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const getKnowledgeNode = defineOperation({
  name: 'get_knowledge_node',
  title: 'Get a knowledge node',
  description:
    'One knowledge node with its whole body (markdown), by id or by path (with `workspace` when several have the path). ' +
    'Use ids or paths from search_knowledge or list_knowledge_nodes.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    node: z.string().min(1).max(200).describe('A node id (kba_...) or its path (/billing/refunds).'),
    workspace: WorkspaceParam,
  }),
  output: z.object({ node: KnowledgeNode }),
  rest: { method: 'GET', path: '/knowledge/nodes/{node}' },
  examples: [{ summary: 'One node by path', input: { node: '/workshops/faq' } }],
  async run({ db, principal }, input) {
    const node = await knowledge.getNode(db, tenantFor(principal, input.workspace), input.node);
    if (!node) throw notFound('knowledge node', input.node, 'Use search_knowledge or list_knowledge_nodes to find nodes.');
    return { node };
  },
});
