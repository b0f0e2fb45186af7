import * as z from 'zod';

export const REVIEW_STATUSES = ['draft', 'in_review', 'published'] as const;

export const KnowledgeNodeSummary = z.object({
  id: z.string(),
  workspace_id: z.string(),
  path: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  status: z.enum(REVIEW_STATUSES),
  keywords: z.array(z.string()),
  author: z.string().nullable(),
  updated_at: z.string(),
});
export type KnowledgeNodeSummary = z.infer<typeof KnowledgeNodeSummary>;

export const KnowledgeNode = KnowledgeNodeSummary.extend({
  category_id: z.string().nullable(),
  body: z.string().describe('Markdown.'),
  created_at: z.string(),
});
export type KnowledgeNode = z.infer<typeof KnowledgeNode>;

export const KnowledgeCategory = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  slug: z.string(),
  description: z.string().nullable(),
  node_count: z.number().int(),
});
export type KnowledgeCategory = z.infer<typeof KnowledgeCategory>;
