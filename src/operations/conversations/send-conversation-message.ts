import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import { OutgoingMessage } from '../../domain/messages/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { MessageBody, messageCreated, queueInConversation, refuseRepeat } from '../params/outgoing-message.ts';
import { AllowDuplicateParam, SenderParam } from '../params/sender.ts';

export const sendConversationMessage = defineOperation({
  name: 'send_conversation_message',
  title: 'Reply in a conversation',
  description:
    'Sends a reply to the customer in an existing conversation, on its channel (web widget, e-mail, SMS, WhatsApp, ...), as ' +
    'the person who connected this app or an AI agent (sender_id). This reaches a real customer: draft first when unsure. ' +
    'The message is queued and its channel delivers it; its status (queued, sent, delivered, read, failed) shows in ' +
    'list_conversation_messages. Pass idempotency_key so a retry never sends twice; the same text to the same ' +
    'customer within 10 minutes is refused unless allow_duplicate is true.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  input: z.object({
    conversation_id: z.string().min(1).max(64).describe('A conversation id (cv_...).'),
    body: MessageBody,
    sender_id: SenderParam,
    allow_duplicate: AllowDuplicateParam,
  }),
  output: z.object({ message: OutgoingMessage }),
  rest: { method: 'POST', path: '/conversations/{conversation_id}/messages' },
  examples: [
    {
      summary: 'Answer a refund question',
      input: { conversation_id: 'cv_01JD0000000000000000000000', body: 'Hi! Your refund is on its way and should arrive within 5 days.' },
    },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantOf(principal);
    const conversation = await conversations.getConversation(db, tenant, input.conversation_id);
    if (!conversation) throw notFound('conversation', input.conversation_id, 'Use search_conversations to find conversation ids.');
    const contact = conversation.contact_id ? await contacts.getContact(db, tenant, conversation.contact_id) : undefined;
    await refuseRepeat(db, contact ? { contact, channel: conversation.channel } : { conversation }, input);
    return { message: await queueInConversation(db, principal, conversation, contact, input) };
  },
  changes: ({ message }) => [messageCreated(message)],
});
