import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import { EmailThread } from '../../domain/conversations/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';

const EXCERPT = 200;

export const listContactEmailThreads = defineOperation({
  name: 'list_contact_email_threads',
  title: "List a contact's e-mail threads",
  description:
    "One contact's e-mail conversations as threads, latest first: subject, status, message count, and an excerpt of the " +
    `latest message (${EXCERPT} characters) with who wrote it and, when it was sent from Parley, its delivery status. ` +
    'Read a thread with list_conversation_messages; reply with send_conversation_message, or start a thread with ' +
    'send_contact_message and a subject.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).'), ...PaginationParams }),
  output: z.object({
    contact_id: z.string(),
    threads: z.array(EmailThread),
    pagination: PageInfo,
  }),
  rest: { method: 'GET', path: '/contacts/{contact_id}/email-threads' },
  examples: [{ summary: "A contact's e-mail threads", input: { contact_id: 'ct_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const contact = await contacts.getContact(db, tenantOf(principal), input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const { total, threads } = await conversations.contactEmailThreads(db, contact, EXCERPT, pageRequest(input));
    return { contact_id: contact.id, threads, pagination: pageInfo(input, total) };
  },
});
