import * as z from 'zod';
import * as knowledge from '../../domain/knowledge/queries.ts';
import { REVIEW_STATUSES } from '../../domain/knowledge/schema.ts';
import { matchingSentences, parseKnowledgeQuery } from '../../domain/knowledge/sentences.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

const SENTENCES = 3;
const SENTENCE_LENGTH = 300;

export const searchKnowledge = defineOperation({
  name: 'search_knowledge',
  title: 'Search the knowledge base',
  description:
    'Which knowledge nodes mention something, and where: for each match its title, path, status and the sentences that ' +
    `contain the words or the exact phrase (up to ${SENTENCES}), in one call. Numbers and short words count ("48 hours", ` +
    '"up to"); nodes holding every word literally come first, then other forms of the words (refund, refunds). Use it ' +
    'to find what a policy change must update; get_knowledge_node has the whole body.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    query: z.string().trim().min(1).max(200).describe('Words or a phrase, e.g. 48 hours or "cancel up to".'),
    workspace: WorkspaceParam,
    status: z.enum(REVIEW_STATUSES).optional(),
    limit: z.number().int().min(1).max(25).default(10).describe('At most this many nodes, 1 to 25. Default 10.'),
  }),
  output: z.object({
    matches: z.array(
      z.object({
        id: z.string(),
        workspace_id: z.string(),
        title: z.string(),
        path: z.string(),
        status: z.enum(REVIEW_STATUSES),
        exact: z.boolean().describe('Holds every word (or the phrase) as written; otherwise found by other forms of the words.'),
        sentences: z.array(z.string()).describe('The sentences that contain the words, as written in the node.'),
      }),
    ),
    total: z.number().int().describe('Nodes that match, of which the first `limit` are listed.'),
  }),
  rest: { method: 'GET', path: '/knowledge/search' },
  examples: [
    { summary: 'Nodes still stating the old 48-hour cancellation window', input: { query: '48 hours' } },
    { summary: 'Published nodes about refunds', input: { query: 'refund', status: 'published' } },
  ],
  async run({ db, principal }, input) {
    const query = parseKnowledgeQuery(input.query);
    if (query.terms.length === 0) throw invalidArgument('The query has no words to look for.');
    const { total, nodes } = await knowledge.searchNodes(
      db,
      tenantFor(principal, input.workspace),
      { terms: query.terms, text: input.query, status: input.status },
      input.limit,
    );
    return {
      matches: nodes.map((node) => ({
        id: node.id,
        workspace_id: node.workspace_id,
        title: node.title,
        path: node.path,
        status: node.status,
        exact: node.literal,
        sentences: matchingSentences(node.content, query, input.query, SENTENCES, SENTENCE_LENGTH),
      })),
      total,
    };
  },
});
