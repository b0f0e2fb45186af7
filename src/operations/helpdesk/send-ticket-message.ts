import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import * as messageCommands from '../../domain/messages/commands.ts';
import * as messages from '../../domain/messages/queries.ts';
import { OutgoingMessage, type Sender } from '../../domain/messages/schema.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { actorOf } from '../../domain/tenancy/principal.ts';
import type { Queryable } from '../../db/database.ts';
import * as ticketCommands from '../../domain/tickets/commands.ts';
import * as tickets from '../../domain/tickets/queries.ts';
import { Ticket, TicketMessage } from '../../domain/tickets/schema.ts';
import { tenantOf, type Owned } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound, OperationError } from '../errors.ts';
import { conversationOpened, MessageBody, messageCreated, queueInConversation, refuseRepeat } from '../params/outgoing-message.ts';
import { AllowDuplicateParam, DUPLICATE_WINDOW_SECONDS, resolveSender, SenderParam } from '../params/sender.ts';
import { TicketFieldParams, TicketIdParam } from '../params/ticket-fields.ts';
import { rowTenant } from '../params/workspace.ts';

export const sendTicketMessage = defineOperation({
  name: 'send_ticket_message',
  title: 'Reply on a ticket or add an internal note',
  description:
    'Adds to a ticket thread as the person who connected this app or an AI agent (sender_id; with an API key, default ' +
    "the customer's agent, else the workspace's first active one). visibility public replies " +
    "to the customer: it reaches them on the ticket's conversation, or by e-mail when the ticket has none, and is queued " +
    'like any sent message (its status shows in list_ticket_messages); the first public reply is the first response. ' +
    'internal adds a note only the team sees. status sets the ticket status in the same call (pending to wait on the ' +
    'customer). Pass idempotency_key so a retry never acts twice; the same text on the same ticket within 10 minutes is ' +
    'refused unless allow_duplicate is true.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  input: z.object({
    ticket_id: TicketIdParam,
    visibility: z.enum(['public', 'internal']).describe('public: a reply the customer gets; internal: a note for the team.'),
    body: MessageBody,
    status: TicketFieldParams.status.optional().describe('Also set the ticket status, e.g. pending after asking the customer.'),
    sender_id: SenderParam,
    allow_duplicate: AllowDuplicateParam,
  }),
  output: z.object({
    ticket: Ticket,
    ticket_message: TicketMessage,
    message: OutgoingMessage.nullable().describe('A reply: the conversation message that delivers it, with its recipient and status.'),
    conversation_opened: z.boolean().describe('Whether the reply opened an e-mail thread for the ticket.'),
  }),
  rest: { method: 'POST', path: '/tickets/{ticket_id}/messages' },
  examples: [
    {
      summary: 'Reply and wait on the customer',
      input: {
        ticket_id: 'tk_01JD0000000000000000000000',
        visibility: 'public',
        body: 'Could you send the last four digits of the card that was charged twice?',
        status: 'pending',
      },
    },
    {
      summary: 'Leave a note for the team',
      input: { ticket_id: 'tk_01JD0000000000000000000000', visibility: 'internal', body: 'Duplicate charge confirmed in Stripe.' },
    },
  ],
  async run({ db, principal }, input) {
    const found = await tickets.getTicket(db, tenantOf(principal), input.ticket_id);
    if (!found) throw notFound('ticket', input.ticket_id, 'Use list_tickets or search_tickets to find ticket ids.');
    const tenant = rowTenant(principal, found);
    await ticketCommands.lockTicket(db, found.id);
    if (!input.allow_duplicate) {
      const repeat = await tickets.recentTicketMessage(db, found.id, input.body, DUPLICATE_WINDOW_SECONDS);
      if (repeat)
        throw new OperationError(
          'conflict',
          `The same text was already added to ticket ${found.id} at ${repeat.created_at} (${repeat.id}); not added again.`,
          'If it should appear twice, send again with allow_duplicate: true. To retry a write safely, reuse its idempotency_key.',
        );
    }
    const reply = input.visibility === 'public' ? await sendReply(db, principal, found, input) : undefined;
    const sent = reply?.message;
    const sender: Sender = sent
      ? { type: sent.role === 'agent' ? 'agent' : 'user', id: sent.sender_id, name: sent.author_name ?? sent.sender_id, workspace_id: null }
      : await resolveSender(db, principal, tenant, found.workspace_id, input.sender_id, await tickets.handlingAgent(db, found));
    const id = await ticketCommands.insertTicketMessage(db, found, {
      sender,
      body: input.body,
      visibility: input.visibility,
      messageId: sent?.id ?? null,
    });
    if (input.status !== undefined && input.status !== found.status)
      await ticketCommands.changeTicket(db, found, { status: input.status }, actorOf(principal));
    const ticket = (await tickets.getTicket(db, tenant, found.id))!;
    const ticketMessage = (await tickets.ticketMessage(db, id))!;
    return { ticket, ticket_message: ticketMessage, message: sent ?? null, conversation_opened: reply?.opened ?? false };
  },
  changes: (output) => [
    ...(output.conversation_opened && output.message ? [conversationOpened(output.message)] : []),
    ...(output.message ? [messageCreated(output.message)] : []),
    {
      workspaceId: output.ticket.workspace_id,
      subject: { type: 'ticket', id: output.ticket.id },
      event: 'ticket.message_created',
      data: { ticket_id: output.ticket.id, message: output.ticket_message },
    },
  ],
});

/**
 * Queues a reply to the ticket's customer: in the ticket's conversation, or, when it has none, in a new e-mail thread
 * with the ticket's subject, which the ticket then keeps for its later replies.
 */
async function sendReply(
  db: Queryable,
  principal: Principal,
  ticket: Owned<Ticket>,
  request: { body: string; sender_id?: string | undefined; allow_duplicate: boolean },
): Promise<{ message: Owned<OutgoingMessage>; opened: boolean }> {
  const tenant = rowTenant(principal, ticket);
  const contact = ticket.contact_id ? await contacts.getContact(db, tenant, ticket.contact_id) : undefined;
  const linked = ticket.conversation_id ? await conversations.getConversation(db, tenant, ticket.conversation_id) : undefined;
  if (linked) {
    await refuseRepeat(db, contact ? { contact, channel: linked.channel } : { conversation: linked }, request);
    return { message: await queueInConversation(db, principal, linked, contact, request), opened: false };
  }
  if (!contact?.email)
    throw invalidArgument(
      `Ticket ${ticket.id} has no conversation and no customer e-mail address to reply to.`,
      'Add an internal note instead (visibility internal), or give the customer an e-mail address with patch_contact.',
    );
  if (!(await messages.activeChannel(db, ticket.workspace_id, 'email')))
    throw invalidArgument(`Ticket ${ticket.id} has no conversation, and this workspace has no active e-mail channel to reply through.`);
  await refuseRepeat(db, { contact, channel: 'email' }, request);
  const conversationId = await messageCommands.openConversation(db, {
    workspaceId: ticket.workspace_id,
    contactId: contact.id,
    agentId: contact.agent_id,
    channel: 'email',
    subject: ticket.subject,
  });
  await ticketCommands.linkConversation(db, ticket.id, conversationId);
  const conversation = (await conversations.getConversation(db, tenant, conversationId))!;
  return { message: await queueInConversation(db, principal, conversation, contact, request), opened: true };
}
