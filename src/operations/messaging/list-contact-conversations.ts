import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import { ConversationSummary } from '../../domain/conversations/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';

export const listContactConversations = defineOperation({
  name: 'list_contact_conversations',
  title: "List a contact's conversations",
  description:
    'Every conversation with one contact, on every channel (web chat, e-mail, SMS, WhatsApp, ...), latest activity first, ' +
    'however old. Narrow by channel or status. Summaries only: get_conversation or list_conversation_messages for the ' +
    'messages; list_contact_email_threads for their e-mail as threads.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).'),
    channel: z.string().max(32).optional().describe('web, whatsapp, messenger, instagram, sms, email, slack or voice.'),
    status: z.enum(['open', 'closed', 'escalated']).optional(),
    ...PaginationParams,
  }),
  output: z.object({ contact_id: z.string(), conversations: z.array(ConversationSummary), pagination: PageInfo }),
  rest: { method: 'GET', path: '/contacts/{contact_id}/conversations' },
  examples: [{ summary: "A contact's conversations", input: { contact_id: 'ct_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const contact = await contacts.getContact(db, tenantOf(principal), input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const { total, items } = await conversations.contactConversations(
      db,
      contact,
      { channel: input.channel, status: input.status },
      pageRequest(input),
    );
    return { contact_id: contact.id, conversations: items, pagination: pageInfo(input, total) };
  },
});
