import * as z from 'zod';
import * as conversations from '../../domain/conversations/queries.ts';
import { ConversationSummary } from '../../domain/conversations/schema.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { Company, Contact, Note } from '../../domain/contacts/schema.ts';
import * as events from '../../domain/events/queries.ts';
import { Event } from '../../domain/events/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';

const NOTES = 20;
const EVENTS = 20;
const CONVERSATIONS = 10;

export const getContact = defineOperation({
  name: 'get_contact',
  title: 'Get a contact',
  description:
    `One contact with their company, the latest ${NOTES} notes, the latest ${CONVERSATIONS} conversations and a recent ` +
    `timeline of their latest ${EVENTS} events, with totals for each. For everything that happened with them ` +
    '(conversations, events, notes, tickets, calls, appointments, forms) page through get_contact_timeline.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).') }),
  output: z.object({
    contact: Contact,
    company: Company.nullable(),
    notes: z.array(Note),
    notes_total: z.number().int(),
    conversations: z.array(ConversationSummary),
    recent_events: z.array(Event),
    events_total: z.number().int(),
  }),
  rest: { method: 'GET', path: '/contacts/{contact_id}' },
  examples: [{ summary: 'A contact with notes, conversations and timeline', input: { contact_id: 'ct_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const tenant = tenantOf(principal);
    const contact = await contacts.getContact(db, tenant, input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const company = contact.company_id ? await contacts.getCompany(db, tenant, contact.company_id) : undefined;
    const notes = await contacts.notesOf(db, { contact }, NOTES);
    const timeline = await events.queryEvents(db, tenant, { contactId: contact.id }, { limit: EVENTS, offset: 0 });
    return {
      contact,
      company: company ? (({ contact_count: _c, visitor_count: _v, ...rest }) => rest)(company) : null,
      notes,
      notes_total: notes.length < NOTES ? notes.length : await contacts.countNotes(db, { contact }),
      conversations: await conversations.recentConversations(db, { contact }, CONVERSATIONS),
      recent_events: timeline.items,
      events_total: timeline.total,
    };
  },
});
