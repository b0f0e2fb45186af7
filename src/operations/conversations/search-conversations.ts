import * as z from 'zod';
import * as conversations from '../../domain/conversations/queries.ts';
import { ConversationSummary } from '../../domain/conversations/schema.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const searchConversations = defineOperation({
  name: 'search_conversations',
  title: 'Search conversations',
  description:
    'Chat sessions between the AI agents (or humans) and visitors, newest first, started within the date range ' +
    '(default: the last 30 days). Filter by agent, contact, visitor, status (open, closed, escalated) or channel, and ' +
    'search message text with `query` (web-search syntax: words, "exact phrase", -exclude, or); matches come with a ' +
    'snippet where the hits are marked **like this**. Returns summaries only: call get_conversation for a transcript. ' +
    'Paginated (per_page up to 100) with the total; widen start_date for older conversations.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...DateRangeParams,
    query: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Full-text search over message bodies, e.g. "refund" or "double charge" -test.'),
    agent_id: z.string().max(64).optional(),
    contact_id: z.string().max(64).optional(),
    visitor_id: z.string().max(64).optional(),
    status: z.enum(['open', 'closed', 'escalated']).optional(),
    channel: z.string().max(32).optional().describe('web, whatsapp, messenger, instagram, sms, email, slack or voice.'),
    ...PaginationParams,
  }),
  output: z.object({
    conversations: z.array(
      ConversationSummary.extend({ snippet: z.string().nullable().describe('Best matching message excerpt when `query` was given.') }),
    ),
    pagination: PageInfo,
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/conversations' },
  examples: [
    { summary: 'Conversations that mention refunds', input: { query: 'refund', per_page: 5 } },
    { summary: 'Escalated conversations in one workspace', input: { workspace: 'ws_01JD0000000000000000000000', status: 'escalated' } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const { total, items } = await conversations.searchConversations(
      db,
      tenant,
      {
        start: range.start,
        end: range.end,
        agentId: input.agent_id,
        contactId: input.contact_id,
        visitorId: input.visitor_id,
        status: input.status,
        channel: input.channel,
        query: input.query,
      },
      pageRequest(input),
    );
    return { conversations: items, pagination: pageInfo(input, total), range: range.echo };
  },
});
