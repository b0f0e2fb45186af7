import * as z from 'zod';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeChange, KnowledgeNode } from '../../domain/knowledge/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { findNode, NodeRefParams } from '../params/knowledge-fields.ts';

const HISTORY = 10;

export const getKnowledgeNode = defineOperation({
  name: 'get_knowledge_node',
  title: 'Get a knowledge node',
  description:
    'One knowledge node with its whole body (markdown), by id or by path (with `workspace` when several have the path), ' +
    'and its history: the latest changes, who made them and the version each replaced. version reads an earlier version ' +
    'as it was. Use ids or paths from search_knowledge or list_knowledge_nodes.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    ...NodeRefParams,
    version: z.number().int().min(1).optional().describe('An earlier version, from history; default the current one.'),
  }),
  output: z.object({
    node: KnowledgeNode,
    history: z.array(KnowledgeChange).describe(`The latest ${HISTORY} changes, newest first.`),
    history_total: z.number().int(),
  }),
  rest: { method: 'GET', path: '/knowledge/nodes/{node}' },
  examples: [{ summary: 'One node by path', input: { node: '/workshops/faq' } }],
  async run({ db, principal }, input) {
    const current = await findNode(db, principal, input);
    const history = await knowledge.nodeHistory(db, current, { limit: HISTORY, offset: 0 });
    const node =
      input.version === undefined || input.version === current.version
        ? current
        : await knowledge.getNodeVersion(db, current, input.version);
    if (!node)
      throw notFound(
        'version',
        String(input.version),
        `Node ${current.id} is at version ${current.version}; its history lists the versions kept.`,
      );
    return { node, history: history.items, history_total: history.total };
  },
});
