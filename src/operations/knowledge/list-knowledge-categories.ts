import * as z from 'zod';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { KnowledgeCategory } from '../../domain/knowledge/schema.ts';
import { defineOperation } from '../define.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listKnowledgeCategories = defineOperation({
  name: 'list_knowledge_categories',
  title: 'List knowledge categories',
  description: 'The categories of the knowledge base, in their order, with how many nodes each holds.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ workspace: WorkspaceParam }),
  output: z.object({ categories: z.array(KnowledgeCategory) }),
  rest: { method: 'GET', path: '/knowledge/categories' },
  examples: [{ summary: 'Every category', input: {} }],
  async run({ db, principal }, input) {
    return { categories: await knowledge.listCategories(db, tenantFor(principal, input.workspace)) };
  },
});
