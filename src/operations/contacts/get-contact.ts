import * as z from 'zod';
import { recentConversations } from '../../domain/conversations/conversations.ts';
import { ConversationSummary } from '../../domain/conversations/schema.ts';
import { getCompany } from '../../domain/contacts/companies.ts';
import { countNotes, getContact as getOne, notesOf } from '../../domain/contacts/contacts.ts';
import { Company, Contact, Note } from '../../domain/contacts/schema.ts';
import { listEvents } from '../../domain/events/events.ts';
import { Event } from '../../domain/events/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { ids } from '../params/workspace.ts';

const NOTES = 20;
const EVENTS = 20;
const CONVERSATIONS = 10;

export const getContact = defineOperation({
  name: 'get_contact',
  title: 'Get a contact',
  description:
    `One contact with their company, the latest ${NOTES} notes, the latest ${CONVERSATIONS} conversations and a recent ` +
    `timeline of their latest ${EVENTS} events, with totals for each. For the full activity history use list_events ` +
    'with contact_id, or get_visitor_journey with their visitor id.',
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
  async run({ db, principal }, input) {
    const workspaceIds = ids(principal.workspaces);
    const contact = await getOne(db, workspaceIds, input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const company = contact.company_id ? await getCompany(db, workspaceIds, contact.company_id) : undefined;
    const notes = await notesOf(db, { contactId: contact.id }, NOTES);
    const events = await listEvents(db, { workspaceIds, contactId: contact.id }, { limit: EVENTS, offset: 0 });
    return {
      contact,
      company: company ? (({ contact_count: _c, visitor_count: _v, ...rest }) => rest)(company) : null,
      notes,
      notes_total: notes.length < NOTES ? notes.length : await countNotes(db, { contactId: contact.id }),
      conversations: await recentConversations(db, workspaceIds, { contactId: contact.id }, CONVERSATIONS),
      recent_events: events.items,
      events_total: events.total,
    };
  },
});
