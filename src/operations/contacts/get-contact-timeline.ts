import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import { contactTimeline, TIMELINE_KINDS } from '../../domain/contacts/timeline.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound } from '../errors.ts';
import { Instant } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';

export const getContactTimeline = defineOperation({
  name: 'get_contact_timeline',
  title: "Page through a contact's activity",
  description:
    'Everything that happened with one contact, newest first, as one list: conversations, tracked events (also those of ' +
    'the visitors they were identified from: page views, sign-ups, bookings), notes, tickets, calls, appointments and form ' +
    'responses, each with its time, a title and a short detail. Narrow with kinds (e.g. ["conversation", "call"]) and ' +
    'since/until (e.g. until a booking to see what came before it). Open an entry with its own tool (get_conversation, ...).',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).'),
    kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional().describe('Only these kinds of activity.'),
    since: Instant.optional().describe('Only activity at or after this time (ISO 8601).'),
    until: Instant.optional().describe('Only activity before this time (ISO 8601).'),
    ...PaginationParams,
  }),
  output: z.object({
    contact_id: z.string(),
    timeline: z.array(
      z.object({ kind: z.enum(TIMELINE_KINDS), id: z.string(), at: z.string(), title: z.string(), detail: z.string().nullable() }),
    ),
    pagination: PageInfo,
  }),
  rest: { method: 'GET', path: '/contacts/{contact_id}/timeline' },
  examples: [
    { summary: "A contact's latest activity", input: { contact_id: 'ct_01JD0000000000000000000000' } },
    {
      summary: 'Only their conversations and notes',
      input: { contact_id: 'ct_01JD0000000000000000000000', kinds: ['conversation', 'note'] },
    },
  ],
  async run({ db, principal }, input) {
    const start = input.since ? new Date(input.since) : undefined;
    const end = input.until ? new Date(input.until) : undefined;
    if (start && end && start >= end) throw invalidArgument('since must be before until.');
    const contact = await contacts.getContact(db, tenantOf(principal), input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const { total, items } = await contactTimeline(db, contact, { kinds: input.kinds, start, end }, pageRequest(input));
    return { contact_id: contact.id, timeline: items, pagination: pageInfo(input, total) };
  },
});
