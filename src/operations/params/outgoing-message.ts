import * as z from 'zod';
import type { Queryable } from '../../db/database.ts';
import type { Contact } from '../../domain/contacts/schema.ts';
import type { ConversationSummary } from '../../domain/conversations/schema.ts';
import * as messageCommands from '../../domain/messages/commands.ts';
import * as messages from '../../domain/messages/queries.ts';
import { SENDABLE_CHANNELS, type OutgoingMessage } from '../../domain/messages/schema.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import type { Owned } from '../../domain/tenancy/tenant.ts';
import type { Change } from '../define.ts';
import { invalidArgument, OperationError } from '../errors.ts';
import { rowTenant } from './workspace.ts';
import { DUPLICATE_WINDOW_SECONDS, resolveSender } from './sender.ts';

export const MessageBody = z
  .string()
  .trim()
  .min(1)
  .max(10_000)
  .describe('The message as the customer will read it, plain text (up to 10,000 characters).');

/**
 * Holds the recipient for the rest of the write and refuses the same text sent to them within the repeat window, unless
 * the caller allows it: models retry sends without idempotency keys. Runs before a send picks or opens a conversation.
 */
export async function refuseRepeat(db: Queryable, to: messageCommands.Recipient, request: { body: string; allow_duplicate: boolean }) {
  await messageCommands.lockRecipient(db, to);
  if (request.allow_duplicate) return;
  const repeat = await messages.recentRepeat(db, to, request.body, DUPLICATE_WINDOW_SECONDS);
  if (repeat)
    throw new OperationError(
      'conflict',
      `The same text was already sent to ${'contact' in to ? `this contact on ${to.channel}` : 'this conversation'} at ${repeat.created_at} (message ${repeat.id}); not sent again.`,
      'If the customer should get it twice, send again with allow_duplicate: true. To retry a send safely, reuse its idempotency_key.',
    );
}

/** Queues a message in a conversation, as both send tools do: the sender resolved, the address fixed from the contact. */
export async function queueInConversation(
  db: Queryable,
  principal: Principal,
  conversation: Owned<ConversationSummary>,
  contact: Owned<Contact> | undefined,
  request: { body: string; sender_id?: string | undefined },
): Promise<Owned<OutgoingMessage>> {
  const tenant = rowTenant(principal, conversation);
  const sender = await resolveSender(db, principal, tenant, conversation.workspace_id, request.sender_id, conversation.agent_id);
  const channel = await messages.activeChannel(db, conversation.workspace_id, conversation.channel);
  const id = await messageCommands.queueMessage(db, conversation, {
    sender,
    body: request.body,
    channelId: channel?.id ?? null,
    recipient: recipientOf(conversation.channel, contact),
  });
  return (await messages.getOutgoingMessage(db, tenant, id))!;
}

/** The address a message on this channel goes to: the contact's e-mail or phone; none for channels that need none. */
function recipientOf(channel: string, contact: Contact | undefined): string | null {
  if (!Object.hasOwn(SENDABLE_CHANNELS, channel)) return null;
  const field = SENDABLE_CHANNELS[channel as keyof typeof SENDABLE_CHANNELS];
  const address = contact?.[field];
  if (!address)
    throw invalidArgument(
      contact
        ? `Contact ${contact.id} has no ${field === 'email' ? 'e-mail address' : 'phone number'} to send a ${channel} message to.`
        : `This ${channel} conversation has no contact to send to.`,
      contact ? `Set one with patch_contact first.` : undefined,
    );
  return address;
}

/** A queued message's audit entry and `message.created` event. */
export function messageCreated(message: OutgoingMessage): Change {
  return { workspaceId: message.workspace_id, subject: { type: 'message', id: message.id }, event: 'message.created', data: message };
}

/** The `conversation.created` event of a conversation a first message opened. */
export function conversationOpened(message: OutgoingMessage): Change {
  return {
    workspaceId: message.workspace_id,
    subject: { type: 'conversation', id: message.conversation_id },
    event: 'conversation.created',
    data: { id: message.conversation_id, contact_id: message.contact_id, channel: message.channel, subject: message.subject },
  };
}
