import type { Queryable } from '../../db/database.ts';
import { holdLock } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import type { Contact } from '../contacts/schema.ts';
import type { ConversationSummary } from '../conversations/schema.ts';
import type { Owned } from '../tenancy/tenant.ts';
import type { DeliveryStatus, OutgoingMessage, Sender } from './schema.ts';

/** Whom a message goes to: a contact on a channel, or (without a contact) one conversation. */
export type Recipient = { contact: Owned<Contact>; channel: string } | { conversation: Owned<ConversationSummary> };

/**
 * Holds the recipient for the rest of the transaction, so two sends to them run one after the other, on any number of
 * Parley instances: the second sees the first when it looks for a repeat.
 */
export async function lockRecipient(db: Queryable, to: Recipient): Promise<void> {
  await holdLock(db, 'contact' in to ? `contact:${to.contact.id}` : `conversation:${to.conversation.id}`);
}

export interface Outgoing {
  sender: Sender;
  body: string;
  channelId: string | null;
  recipient: string | null;
}

/** Queues a message in a conversation for its channel to deliver, and moves the conversation's counters on. */
export async function queueMessage(db: Queryable, conversation: Owned<ConversationSummary>, message: Outgoing): Promise<string> {
  const id = newId('message');
  await db.query(
    `insert into messages (id, conversation_id, workspace_id, role, author_name, body, created_at, status, status_at, sender_type,
       sender_id, channel_id, recipient)
     values ($1, $2, $3, $4, $5, $6, now(), 'queued', now(), $7, $8, $9, $10)`,
    [
      id,
      conversation.id,
      conversation.workspace_id,
      message.sender.type === 'agent' ? 'agent' : 'human',
      message.sender.name,
      message.body,
      message.sender.type,
      message.sender.id,
      message.channelId,
      message.recipient,
    ],
  );
  await db.query('update conversations set message_count = message_count + 1, last_message_at = now() where id = $1', [conversation.id]);
  return id;
}

/** Opens a conversation with a contact on a channel, for a first message to them. */
export async function openConversation(
  db: Queryable,
  opening: { workspaceId: string; contactId: string; agentId: string | null; channel: string; subject: string | null },
): Promise<string> {
  const id = newId('conversation');
  await db.query(
    `insert into conversations (id, workspace_id, agent_id, contact_id, channel, status, subject, started_at, last_message_at)
     values ($1, $2, $3, $4, $5, 'open', $6, now(), now())`,
    [id, opening.workspaceId, opening.agentId, opening.contactId, opening.channel, opening.subject],
  );
  return id;
}

export interface DeliveryReport {
  status: Exclude<DeliveryStatus, 'queued'>;
  reason: string | null;
  externalId: string | undefined;
  at: Date;
}

/** Records what the channel integration reported; a failure's reason is cleared once a retry gets through. */
export async function recordDelivery(db: Queryable, message: Owned<OutgoingMessage>, report: DeliveryReport): Promise<void> {
  await db.query(
    `update messages set status = $2, status_reason = $3, status_at = $4, external_id = coalesce($5, external_id) where id = $1`,
    [message.id, report.status, report.status === 'failed' ? report.reason : null, report.at, report.externalId ?? null],
  );
}
