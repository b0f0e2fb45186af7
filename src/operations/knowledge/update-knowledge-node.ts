import * as z from 'zod';
import * as knowledgeCommands from '../../domain/knowledge/commands.ts';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeNode, NODE_FIELDS, type NodeField } from '../../domain/knowledge/schema.ts';
import { actorOf } from '../../domain/tenancy/principal.ts';
import { defineOperation } from '../define.ts';
import { OperationError } from '../errors.ts';
import { findCategory, holdNode, NodeFieldParams, NodeRefParams, refusePathTaken } from '../params/knowledge-fields.ts';
import { patchedFields, realChanges, updated } from '../params/merge-patch.ts';
import { rowTenant } from '../params/workspace.ts';

const INPUT_FIELDS = ['path', 'title', 'body', 'description', 'keywords', 'category', 'status', 'author'] as const;

export const updateKnowledgeNode = defineOperation({
  name: 'update_knowledge_node',
  title: 'Change a knowledge node',
  description:
    'Changes a node: a field you give is set, null clears description, category or author, a field you leave out stays. ' +
    'Every change keeps the node as it was (get_knowledge_node with version reads it, and its history says who changed ' +
    'what). Pass expected_version, the version you read, so a change made meanwhile by someone else is not overwritten. ' +
    'status published puts it in front of the agents. Moving it to a path another node has is refused.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    ...NodeRefParams,
    expected_version: z.number().int().min(1).optional().describe('Refuse the change unless the node is still at this version.'),
    path: NodeFieldParams.path.optional(),
    title: NodeFieldParams.title.optional(),
    body: NodeFieldParams.body.optional(),
    description: NodeFieldParams.description.nullable().optional(),
    keywords: NodeFieldParams.keywords.optional(),
    category: NodeFieldParams.category.nullable().optional(),
    status: NodeFieldParams.status.optional(),
    author: NodeFieldParams.author.nullable().optional(),
  }),
  output: z.object({ node: KnowledgeNode, changed: z.array(z.enum(NODE_FIELDS)).describe('The fields this call changed.') }),
  rest: { method: 'PATCH', path: '/knowledge/nodes/{node}' },
  examples: [
    {
      summary: 'Correct the old 48-hour window and publish',
      input: {
        node: '/workshops/cancellation-2025',
        body: 'You can cancel free of charge up to 24 hours before your booking.',
        status: 'published',
      },
    },
  ],
  async run({ db, principal }, input) {
    patchedFields(input, INPUT_FIELDS);
    const node = await holdNode(db, principal, input);
    if (input.expected_version !== undefined && input.expected_version !== node.version)
      throw new OperationError(
        'conflict',
        `Node ${node.id} is at version ${node.version}, not ${input.expected_version}: it changed since you read it.`,
        'Read it again with get_knowledge_node, then apply your change to what it says now.',
      );
    if (input.path !== undefined) await refusePathTaken(db, node.workspace_id, input.path, node.id);
    const wanted: Partial<knowledgeCommands.NodeValues> = {
      path: input.path,
      title: input.title,
      body: input.body,
      description: input.description,
      keywords: input.keywords,
      category_id: input.category === undefined ? undefined : input.category && (await findCategory(db, node.workspace_id, input.category)),
      status: input.status,
      author: input.author,
    };
    const changes = realChanges(wanted, node, NODE_FIELDS);
    await knowledgeCommands.changeNode(db, node, changes, actorOf(principal));
    return { node: (await knowledge.getNode(db, rowTenant(principal, node), node.id))!, changed: Object.keys(changes) as NodeField[] };
  },
  changes: ({ node, changed }) => updated('knowledge_node', node, changed, { node }),
});
