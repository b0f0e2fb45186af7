import * as z from 'zod';
import * as events from '../../domain/events/queries.ts';
import { Event, EVENT_KINDS } from '../../domain/events/schema.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listEvents = defineOperation({
  name: 'list_events',
  title: 'List events',
  description:
    'Raw events newest first within the date range (default: the last 30 days): journey milestones, browser activity ' +
    '(page_view, click) and custom tracked events, with source/medium/campaign and properties. Filter by event name(s), ' +
    'kind, visitor, contact, conversation or page path. Call list_event_types first to see which names exist. ' +
    'Paginated (per_page up to 100) with the total.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...DateRangeParams,
    name: z
      .array(z.string().min(1).max(100))
      .max(20)
      .optional()
      .describe('Event names, e.g. ["meeting_booked"] or ["page_view", "click"].'),
    kind: z.array(z.enum(EVENT_KINDS)).optional().describe('journey, browser and/or custom.'),
    visitor_id: z.string().max(64).optional(),
    contact_id: z.string().max(64).optional(),
    conversation_id: z.string().max(64).optional(),
    path: z.string().max(500).optional().describe('Exact page path, e.g. /pricing.'),
    ...PaginationParams,
  }),
  output: z.object({ events: z.array(Event), pagination: PageInfo, range: ResolvedRange }),
  rest: { method: 'GET', path: '/events' },
  examples: [{ summary: 'The latest page views', input: { name: ['page_view'], per_page: 3 } }],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const { total, items } = await events.listEvents(
      db,
      tenant,
      {
        start: range.start,
        end: range.end,
        names: input.name,
        kinds: input.kind,
        visitorId: input.visitor_id,
        contactId: input.contact_id,
        conversationId: input.conversation_id,
        path: input.path,
      },
      pageRequest(input),
    );
    return { events: items, pagination: pageInfo(input, total), range: range.echo };
  },
});
