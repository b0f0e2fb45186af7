import * as z from 'zod';
import * as conversations from '../../domain/conversations/queries.ts';
import * as events from '../../domain/events/queries.ts';
import { Event } from '../../domain/events/schema.ts';
import * as visitors from '../../domain/visitors/queries.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound, OperationError } from '../errors.ts';
import { DateRangeParams, echoRange, resolveRange, ResolvedRange } from '../params/dates.ts';
import { addDays, localDate, startOfLocalDay } from '../../time-zone.ts';
import { defaultTimeZone } from '../params/workspace.ts';

const PER_SECTION = 50;

const Section = z.object({
  events: z.array(Event),
  total: z.number().int().describe('Events of this kind in the range; more than returned means older ones were left out.'),
  returned: z.number().int(),
});

export const getVisitorJourney = defineOperation({
  name: 'get_visitor_journey',
  title: 'Get a visitor journey',
  description:
    'What one visitor did, newest first: journey milestones (session_started, contact_created, identified, buyer_intent, ' +
    'meeting_booked, escalation, and custom tracked events) and browser activity (page views, clicks). Give exactly one ' +
    `of visitor_id or conversation_id. Returns the most recent ${PER_SECTION} of each section with totals. By default ` +
    "covers the visitor's whole history; to see what happened before a milestone (e.g. a booked demo), pass end_date " +
    "as that event's occurred_at.",
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    visitor_id: z.string().min(1).max(64).optional(),
    conversation_id: z.string().min(1).max(64).optional(),
    ...DateRangeParams,
  }),
  output: z.object({
    visitor_id: z.string(),
    range: ResolvedRange,
    journey: Section,
    browser_activity: Section,
  }),
  rest: { method: 'GET', path: '/visitor-journey' },
  examples: [
    { summary: 'What a visitor did', input: { visitor_id: 'vis_01JD0000000000000000000000' } },
    { summary: 'What the visitor in a conversation did', input: { conversation_id: 'cv_01JD0000000000000000000000' } },
  ],
  async run({ db, principal }, input) {
    if ((input.visitor_id === undefined) === (input.conversation_id === undefined)) {
      throw invalidArgument(
        'Give exactly one of visitor_id or conversation_id.',
        'Pass visitor_id (vis_...) for a visitor, or conversation_id (cv_...) to get the journey of the visitor in that conversation.',
      );
    }
    const tenant = tenantOf(principal);
    let visitorId = input.visitor_id;
    if (input.conversation_id !== undefined) {
      const conversation = await conversations.getConversation(db, tenant, input.conversation_id);
      if (!conversation) throw notFound('conversation', input.conversation_id, 'Use search_conversations to find conversation ids.');
      if (!conversation.visitor_id)
        throw new OperationError(
          'not_found',
          'That conversation has no visitor (it did not come from the website).',
          'Use get_conversation to read it.',
        );
      visitorId = conversation.visitor_id;
    }
    const visitor = await visitors.getVisitor(db, tenant, visitorId!);
    if (!visitor) throw notFound('visitor', visitorId!, 'Use list_visitor_profiles to find visitor ids.');
    const own = tenant.workspaces.filter((w) => w.id === visitor.workspace_id);
    const range =
      input.start_date === undefined && input.end_date === undefined
        ? wholeHistory(visitor.first_seen_at, visitor.last_seen_at, input.timezone ?? defaultTimeZone(own))
        : resolveRange({ ...input, start_date: input.start_date ?? visitor.first_seen_at }, own);
    const section = async (kinds: string[]) => {
      const { total, items } = await events.queryEvents(
        db,
        tenantOf(principal, own),
        { visitorId: visitor.id, kinds, start: range.start, end: range.end },
        { limit: PER_SECTION, offset: 0 },
      );
      return { events: items, total, returned: items.length };
    };
    return {
      visitor_id: visitor.id,
      range: range.echo,
      journey: await section(['journey', 'custom']),
      browser_activity: await section(['browser']),
    };
  },
});

/** From the first sighting through the end of today (or of the last sighting, if later), in the time zone. */
function wholeHistory(firstSeen: string, lastSeen: string, timezone: string) {
  const start = Date.parse(firstSeen);
  const lastDay = localDate(Math.max(Date.parse(lastSeen), Date.now()), timezone);
  const end = startOfLocalDay(addDays(lastDay, 1), timezone);
  return { start: new Date(start), end: new Date(end), echo: echoRange(start, end, timezone) };
}
