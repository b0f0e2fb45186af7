import * as z from 'zod';
import * as knowledgeCommands from '../../domain/knowledge/commands.ts';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeNode } from '../../domain/knowledge/schema.ts';
import * as users from '../../domain/users/queries.ts';
import { defineOperation } from '../define.ts';
import { findCategory, NodeFieldParams, refusePathTaken } from '../params/knowledge-fields.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';

export const createKnowledgeNode = defineOperation({
  name: 'create_knowledge_node',
  title: 'Write a knowledge node',
  description:
    'Adds a node (article) to the knowledge base at a path, such as /billing/refunds, with a markdown body. It starts as ' +
    'a draft unless status says otherwise; agents answer from published nodes. The category defaults to the one whose ' +
    "slug is the path's first segment; the author to the person who connected this app. Refused when the path is taken.",
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; needed when this credential sees several.'),
    path: NodeFieldParams.path,
    title: NodeFieldParams.title,
    body: NodeFieldParams.body,
    description: NodeFieldParams.description.optional(),
    keywords: NodeFieldParams.keywords.default([]),
    category: NodeFieldParams.category.optional(),
    status: NodeFieldParams.status.default('draft'),
    author: NodeFieldParams.author.optional().describe('Who wrote it; default the person who connected this app.'),
  }),
  output: z.object({ node: KnowledgeNode }),
  rest: { method: 'POST', path: '/knowledge/nodes' },
  examples: [
    {
      summary: 'Draft the new cancellation policy',
      input: {
        workspace: 'ws_01JD0000000000000000000000',
        path: '/workshops/cancellation-2027',
        title: 'Cancellation policy (2027)',
        body: 'You can cancel free of charge up to 24 hours before your booking.',
        keywords: ['cancellation', 'refund'],
      },
    },
  ],
  async run({ db, principal }, input) {
    const tenant = writeTenant(principal, input.workspace);
    const workspaceId = tenant.workspaceIds[0]!;
    await refusePathTaken(db, workspaceId, input.path);
    const firstSegment = input.path.split('/')[1]!;
    const categoryId = input.category
      ? await findCategory(db, workspaceId, input.category)
      : ((await knowledge.findCategory(db, workspaceId, firstSegment))?.id ?? null);
    const userId = principal.credential.userId;
    const id = await knowledgeCommands.insertNode(db, workspaceId, {
      path: input.path,
      title: input.title,
      body: input.body,
      description: input.description ?? null,
      keywords: input.keywords,
      category_id: categoryId,
      status: input.status,
      author: input.author ?? (userId ? ((await users.userName(db, userId)) ?? null) : null),
    });
    return { node: (await knowledge.getNode(db, tenant, id))! };
  },
  changes: ({ node }) => [
    { workspaceId: node.workspace_id, subject: { type: 'knowledge_node', id: node.id }, event: 'knowledge_node.created', data: node },
  ],
});
