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
  version: z.number().int().describe('1 when created, one more with each change.'),
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

/** The fields a knowledge node has, as update_knowledge_node changes them. */
export const NODE_FIELDS = ['path', 'title', 'body', 'description', 'keywords', 'category_id', 'status', 'author'] as const;
export type NodeField = (typeof NODE_FIELDS)[number];

/** One change of a node's history: the version it replaced, what changed, who changed it. */
export const KnowledgeChange = z.object({
  version: z.number().int().describe('The version this change replaced (get_knowledge_node with version reads it).'),
  changed: z.array(z.enum(NODE_FIELDS)),
  actor_id: z.string().describe('The person (usr_...) or API key (key_...) that made it.'),
  via: z.string().describe('The API key or connected app it came through.'),
  at: z.string(),
});
export type KnowledgeChange = z.infer<typeof KnowledgeChange>;
