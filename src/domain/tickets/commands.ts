import type { Queryable } from '../../db/database.ts';
import { holdLock, RowUpdate } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import type { Sender } from '../messages/schema.ts';
import type { Actor } from '../tenancy/principal.ts';
import type { Owned } from '../tenancy/tenant.ts';
import { TICKET_TARGET_HOURS, type Ticket, type TicketField, type TicketPriority } from './schema.ts';

export interface NewTicket {
  workspaceId: string;
  subject: string;
  summary: string | null;
  status: string;
  priority: TicketPriority;
  assignee: string | null;
  tags: readonly string[];
  contactId: string | null;
  companyId: string | null;
  conversationId: string | null;
}

/** Opens a ticket, its due times set from its priority's targets, and puts the opening on its timeline. */
export async function insertTicket(db: Queryable, ticket: NewTicket, actor: Actor): Promise<string> {
  const id = newId('ticket');
  const targets = TICKET_TARGET_HOURS[ticket.priority];
  await db.query(
    `insert into tickets (id, workspace_id, contact_id, company_id, conversation_id, subject, summary, status, priority, assignee, tags,
       first_response_due_at, resolution_due_at, closed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() + make_interval(hours => $12), now() + make_interval(hours => $13),
       case when $8 = 'closed' then now() end)`,
    [
      id,
      ticket.workspaceId,
      ticket.contactId,
      ticket.companyId,
      ticket.conversationId,
      ticket.subject,
      ticket.summary,
      ticket.status,
      ticket.priority,
      ticket.assignee,
      ticket.tags,
      targets.firstResponse,
      targets.resolution,
    ],
  );
  await recordEvent(db, { id, workspace_id: ticket.workspaceId }, actor, 'created', null, { subject: ticket.subject });
  return id;
}

/** The columns a change of each field sets, beyond the field itself. */
const FOLLOWS: Partial<Record<TicketField, string>> = {
  // Closing stamps the time; reopening clears it.
  status: `closed_at = case when status = 'closed' then coalesce(closed_at, now()) end`,
  // Due times follow the new priority's targets, counted from the opening.
  priority: `first_response_due_at = created_at + make_interval(hours => (${targetSql('firstResponse')})),
    resolution_due_at = created_at + make_interval(hours => (${targetSql('resolution')}))`,
};

function targetSql(target: 'firstResponse' | 'resolution'): string {
  const cases = Object.entries(TICKET_TARGET_HOURS).map(([priority, hours]) => `when '${priority}' then ${hours[target]}`);
  return `case priority ${cases.join(' ')} end`;
}

/**
 * Sets the fields given (their names trusted: from TICKET_FIELDS), touches the ticket, and puts each change on its
 * timeline with the value `ticket` had.
 */
export async function changeTicket(
  db: Queryable,
  ticket: { id: string; workspace_id: string } & Record<TicketField, unknown>,
  changes: Partial<Record<TicketField, unknown>>,
  actor: Actor,
): Promise<void> {
  const fields = Object.keys(changes) as TicketField[];
  if (fields.length === 0) return;
  await new RowUpdate('tickets', ticket.id).setAll(changes).run(db, 'last_activity_at = now(), updated_at = now()');
  // A second statement: the follow-ups read the new values.
  const follows = fields.flatMap((field) => FOLLOWS[field] ?? []);
  if (follows.length > 0) await db.query(`update tickets set ${follows.join(', ')} where id = $1`, [ticket.id]);
  for (const field of fields) await recordEvent(db, ticket, actor, field, ticket[field], changes[field]);
}

async function recordEvent(
  db: Queryable,
  ticket: { id: string; workspace_id: string },
  actor: Actor,
  field: string,
  from: unknown,
  to: unknown,
): Promise<void> {
  await db.query(
    `insert into ticket_events (id, ticket_id, workspace_id, field, old_value, new_value, actor_id, via)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      newId('ticketEvent'),
      ticket.id,
      ticket.workspace_id,
      field,
      JSON.stringify(from ?? null),
      JSON.stringify(to ?? null),
      actor.id,
      actor.via,
    ],
  );
}

/** Holds the ticket for the rest of the transaction, so two writes to its thread run one after the other. */
export async function lockTicket(db: Queryable, ticketId: string): Promise<void> {
  await holdLock(db, `ticket:${ticketId}`);
}

export interface NewTicketMessage {
  sender: Sender;
  body: string;
  visibility: 'public' | 'internal';
  /** A reply's conversation message, which carries its delivery. */
  messageId: string | null;
}

/** Adds a message to a ticket's thread and touches it; a public reply from the team is its first response if none came yet. */
export async function insertTicketMessage(db: Queryable, ticket: Owned<Ticket>, message: NewTicketMessage): Promise<string> {
  const id = newId('ticketMessage');
  await db.query(
    `insert into ticket_messages (id, ticket_id, workspace_id, author_role, author_name, body, visibility, sender_type, sender_id, message_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      ticket.id,
      ticket.workspace_id,
      message.sender.type === 'agent' ? 'agent' : 'human',
      message.sender.name,
      message.body,
      message.visibility,
      message.sender.type,
      message.sender.id,
      message.messageId,
    ],
  );
  await db.query(
    `update tickets set last_activity_at = now(), updated_at = now(),
       first_responded_at = case when $2 = 'public' then coalesce(first_responded_at, now()) else first_responded_at end
     where id = $1`,
    [ticket.id, message.visibility],
  );
  return id;
}

/** Links a ticket to the conversation its replies go out in. */
export async function linkConversation(db: Queryable, ticketId: string, conversationId: string): Promise<void> {
  await db.query('update tickets set conversation_id = $2 where id = $1', [ticketId, conversationId]);
}
