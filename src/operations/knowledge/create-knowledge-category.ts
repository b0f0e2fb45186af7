import * as z from 'zod';
import * as knowledgeCommands from '../../domain/knowledge/commands.ts';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeCategory } from '../../domain/knowledge/schema.ts';
import { slugify } from '../../domain/slug.ts';
import { defineOperation } from '../define.ts';
import { refuseTaken } from '../params/taken.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';

export const createKnowledgeCategory = defineOperation({
  name: 'create_knowledge_category',
  title: 'Add a knowledge category',
  description:
    'Adds a category to group knowledge nodes, such as "Billing". Its slug (default: from the name) is also the first ' +
    'path segment that files new nodes under it (/billing/...). Refused when the workspace has the slug already.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; needed when this credential sees several.'),
    name: z.string().trim().min(1).max(100),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(60)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens')
      .optional(),
    description: z.string().trim().min(1).max(500).optional(),
    position: z.number().int().min(0).max(10_000).optional().describe('Where it sorts among the categories; default last.'),
  }),
  output: z.object({ category: KnowledgeCategory }),
  rest: { method: 'POST', path: '/knowledge/categories' },
  examples: [
    {
      summary: 'A category for policies',
      input: { workspace: 'ws_01JD0000000000000000000000', name: 'Policies', description: 'Cancellation, refund and privacy terms.' },
    },
  ],
  async run({ db, principal }, input) {
    const tenant = writeTenant(principal, input.workspace);
    const workspaceId = tenant.workspaceIds[0]!;
    const slug = input.slug ?? slugify(input.name, 'category');
    await refuseTaken(
      db,
      { what: 'Category', field: 'slug', value: slug, owner: workspaceId },
      () => knowledge.findCategory(db, workspaceId, slug),
      {
        hint: 'Use it, or pass another slug.',
      },
    );
    const id = await knowledgeCommands.insertCategory(db, workspaceId, {
      name: input.name,
      slug,
      description: input.description ?? null,
      position: input.position,
    });
    return { category: (await knowledge.getCategory(db, workspaceId, id))! };
  },
  changes: ({ category }) => [
    {
      workspaceId: category.workspace_id,
      subject: { type: 'knowledge_category', id: category.id },
      event: 'knowledge_category.created',
      data: category,
    },
  ],
});
