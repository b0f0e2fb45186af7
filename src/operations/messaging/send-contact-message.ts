import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import * as messageCommands from '../../domain/messages/commands.ts';
import * as messages from '../../domain/messages/queries.ts';
import { OutgoingMessage, SENDABLE_CHANNELS } from '../../domain/messages/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound } from '../errors.ts';
import { conversationOpened, MessageBody, messageCreated, queueInConversation, refuseRepeat } from '../params/outgoing-message.ts';
import { rowTenant } from '../params/workspace.ts';
import { AllowDuplicateParam, SenderParam } from '../params/sender.ts';

const CHANNELS = Object.keys(SENDABLE_CHANNELS) as [keyof typeof SENDABLE_CHANNELS, ...(keyof typeof SENDABLE_CHANNELS)[]];

export const sendContactMessage = defineOperation({
  name: 'send_contact_message',
  title: 'Message a contact',
  description:
    'Sends a message to a contact on a channel (email to their e-mail address; sms or whatsapp to their phone), as the ' +
    'person who connected this app or an AI agent (sender_id). Continues their latest conversation on that channel that ' +
    'is not closed, or opens one; on email, a subject starts a new thread. This reaches a real customer. The message is ' +
    'queued for the workspace channel of that kind (list_workspace_senders shows which can send) and its status follows ' +
    'in list_conversation_messages. Pass idempotency_key so a retry never sends twice; the same text within 10 minutes ' +
    'is refused unless allow_duplicate is true.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  input: z.object({
    contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).'),
    channel: z.enum(CHANNELS),
    body: MessageBody,
    subject: z.string().trim().min(1).max(200).optional().describe('email only: starts a new thread with this subject.'),
    sender_id: SenderParam,
    allow_duplicate: AllowDuplicateParam,
  }),
  output: z.object({
    message: OutgoingMessage,
    conversation_opened: z.boolean().describe('Whether this message opened a new conversation.'),
  }),
  rest: { method: 'POST', path: '/contacts/{contact_id}/messages' },
  examples: [
    {
      summary: 'E-mail a contact about their demo',
      input: {
        contact_id: 'ct_01JD0000000000000000000000',
        channel: 'email',
        subject: 'Your Northwind demo',
        body: 'Hi! Here is the recording of our demo, as promised.',
      },
    },
  ],
  async run({ db, principal }, input) {
    if (input.subject !== undefined && input.channel !== 'email') throw invalidArgument('subject is for email only.');
    const contact = await contacts.getContact(db, tenantOf(principal), input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const channel = await messages.activeChannel(db, contact.workspace_id, input.channel);
    if (!channel)
      throw invalidArgument(
        `This workspace has no active ${input.channel} channel to send through.`,
        'Call list_workspace_senders for the channels that can send.',
      );
    await refuseRepeat(db, { contact, channel: input.channel }, input);
    const latest = input.subject === undefined ? await messages.latestOpenConversation(db, contact, input.channel) : undefined;
    if (!latest && input.channel === 'email' && input.subject === undefined)
      throw invalidArgument(`Contact ${contact.id} has no open e-mail thread: pass subject to start one.`);
    const conversationId =
      latest?.id ??
      (await messageCommands.openConversation(db, {
        workspaceId: contact.workspace_id,
        contactId: contact.id,
        agentId: contact.agent_id,
        channel: input.channel,
        subject: input.subject ?? null,
      }));
    const conversation = latest ?? (await conversations.getConversation(db, rowTenant(principal, contact), conversationId))!;
    const message = await queueInConversation(db, principal, conversation, contact, input);
    return { message, conversation_opened: !latest };
  },
  changes: ({ message, conversation_opened }) => [...(conversation_opened ? [conversationOpened(message)] : []), messageCreated(message)],
});
