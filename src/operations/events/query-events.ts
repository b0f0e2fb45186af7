import * as z from 'zod';
import * as events from '../../domain/events/queries.ts';
import { Event, EVENT_KINDS } from '../../domain/events/schema.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

const EventName = z.string().min(1).max(100);
const Scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const queryEvents = defineOperation({
  name: 'query_events',
  title: 'Query raw events',
  description:
    'Raw events newest first within the date range (default: the last 30 days): journey milestones, browser activity ' +
    '(page_view, click) and tracked events, with source/medium/campaign and properties. Narrow by event name(s), kind, ' +
    'source, medium, campaign, visitor, contact, conversation, page path or property values ("visitors who hit ' +
    '/pricing yesterday": path and the dates). Call list_event_types first to see which names exist. For counts use ' +
    'top_sources or get_stats. Paginated (per_page up to 100) with the total, counted up to 10,000; get_event reads one whole.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...DateRangeParams,
    event: z
      .union([EventName, z.array(EventName).min(1).max(20)])
      .optional()
      .describe('An event name or several, e.g. "meeting_booked" or ["page_view", "click"].'),
    kind: z.array(z.enum(EVENT_KINDS)).optional().describe('journey, browser and/or custom.'),
    source: z.string().min(1).max(200).optional().describe('utm_source as tracked, any case: "facebook".'),
    medium: z.string().min(1).max(200).optional().describe('"cpc", "social", "email"...'),
    campaign: z.string().min(1).max(200).optional(),
    visitor_id: z.string().max(64).optional(),
    contact_id: z.string().max(64).optional(),
    conversation_id: z.string().max(64).optional(),
    path: z.string().max(500).optional().describe('Exact page path, e.g. /pricing.'),
    properties: z
      .record(z.string().min(1).max(100), Scalar)
      .refine((value) => Object.keys(value).length <= 10, 'at most 10 properties')
      .optional()
      .describe('Property values the events must have, all of them: {"plan": "pro"}.'),
    ...PaginationParams,
  }),
  output: z.object({
    events: z.array(Event),
    pagination: PageInfo.extend({ total_exact: z.literal(false).optional().describe('Present when more than 10,000 matched.') }),
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/events' },
  examples: [
    { summary: 'The latest page views', input: { event: 'page_view', per_page: 3 } },
    { summary: 'Visits from Facebook ads', input: { source: 'facebook', medium: 'cpc', per_page: 5 } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const { total, exact, items } = await events.queryEvents(
      db,
      tenant,
      {
        start: range.start,
        end: range.end,
        names: typeof input.event === 'string' ? [input.event] : input.event,
        kinds: input.kind,
        source: input.source,
        medium: input.medium,
        campaign: input.campaign,
        visitorId: input.visitor_id,
        contactId: input.contact_id,
        conversationId: input.conversation_id,
        path: input.path,
        properties: input.properties,
      },
      pageRequest(input),
    );
    // Beyond the count there are more pages than total says.
    const pagination = pageInfo(input, total);
    return {
      events: items,
      pagination: exact ? pagination : { ...pagination, has_more: true, total_exact: false as const },
      range: range.echo,
    };
  },
});
