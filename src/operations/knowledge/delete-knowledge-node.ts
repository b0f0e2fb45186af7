import * as z from 'zod';
import * as knowledgeCommands from '../../domain/knowledge/commands.ts';
import { defineOperation } from '../define.ts';
import { OperationError } from '../errors.ts';
import { holdNode, NodeRefParams } from '../params/knowledge-fields.ts';

export const deleteKnowledgeNode = defineOperation({
  name: 'delete_knowledge_node',
  title: 'Delete a knowledge node',
  description:
    'Deletes a node and its history for good. A published node is what the agents answer from, so deleting one is ' +
    'refused unless force is true; to retire it instead, set its status to draft with update_knowledge_node.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  input: z.object({
    ...NodeRefParams,
    force: z.boolean().default(false).describe('Delete even a published node.'),
  }),
  output: z.object({
    deleted: z.object({ id: z.string(), workspace_id: z.string(), path: z.string(), title: z.string(), version: z.number().int() }),
  }),
  rest: { method: 'DELETE', path: '/knowledge/nodes/{node}' },
  examples: [{ summary: 'Delete a node, published or not', input: { node: '/developers/custom-domain', force: true } }],
  async run({ db, principal }, input) {
    const node = await holdNode(db, principal, input);
    if (node.status === 'published' && !input.force)
      throw new OperationError(
        'conflict',
        `Node ${node.id} (${node.path}) is published: the agents answer from it. Not deleted.`,
        'Pass force: true to delete it anyway, or set status draft with update_knowledge_node to retire it.',
      );
    await knowledgeCommands.deleteNode(db, node);
    return { deleted: { id: node.id, workspace_id: node.workspace_id, path: node.path, title: node.title, version: node.version } };
  },
  changes: ({ deleted }) => [
    {
      workspaceId: deleted.workspace_id,
      subject: { type: 'knowledge_node', id: deleted.id },
      event: 'knowledge_node.deleted',
      data: deleted,
    },
  ],
});
