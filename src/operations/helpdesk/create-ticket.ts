import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import * as ticketCommands from '../../domain/tickets/commands.ts';
import * as tickets from '../../domain/tickets/queries.ts';
import { Ticket } from '../../domain/tickets/schema.ts';
import { actorOf } from '../../domain/tenancy/principal.ts';
import type { Queryable } from '../../db/database.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound, OperationError } from '../errors.ts';
import { AllowDuplicateParam, DUPLICATE_WINDOW_SECONDS } from '../params/sender.ts';
import { TicketFieldParams } from '../params/ticket-fields.ts';
import { rowTenant, tenantFor, WorkspaceParam, writeTenant } from '../params/workspace.ts';

export const createTicket = defineOperation({
  name: 'create_ticket',
  title: 'Open a help-desk ticket',
  description:
    'Opens a ticket, optionally from a conversation (conversation_id: its contact, subject and first customer message ' +
    "become the ticket's unless given, and replies go out in it). Due times follow the priority (default normal). " +
    'Refused as a likely repeat when the conversation already has a ticket that is not closed, or the same subject was ' +
    'opened for the same contact in the last 10 minutes, unless allow_duplicate is true. Add the first reply or an ' +
    'internal note with send_ticket_message.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe(
      'Workspace id (ws_...) or slug; needed when this credential sees several and no conversation or contact says.',
    ),
    conversation_id: z.string().min(1).max(64).optional().describe('The conversation (cv_...) the ticket comes from.'),
    contact_id: z.string().min(1).max(64).optional().describe("The customer (ct_...); default the conversation's contact."),
    subject: TicketFieldParams.subject.optional().describe('Required unless the conversation has a subject.'),
    summary: TicketFieldParams.summary.optional(),
    status: TicketFieldParams.status.default('open'),
    priority: TicketFieldParams.priority.default('normal'),
    assignee: TicketFieldParams.assignee.optional(),
    tags: TicketFieldParams.tags.default([]),
    allow_duplicate: AllowDuplicateParam.describe('Open it even though it looks like a repeat of a recent or open ticket.'),
  }),
  output: z.object({ ticket: Ticket }),
  rest: { method: 'POST', path: '/tickets' },
  examples: [
    {
      summary: 'Escalate a conversation to a ticket',
      input: { conversation_id: 'cv_01JD0000000000000000000000', priority: 'high', tags: ['refund'] },
    },
    {
      summary: 'Open a ticket for a customer',
      input: { contact_id: 'ct_01JD0000000000000000000000', subject: 'Charged twice this month', priority: 'urgent', tags: ['billing'] },
    },
  ],
  async run({ db, principal }, input) {
    const { tenant, conversation, contact } = await resolveOrigin(db, principal, input);
    const subject = input.subject ?? conversation?.subject;
    if (!subject) throw invalidArgument('A ticket needs a subject: pass subject.');
    const workspaceId = tenant.workspaceIds[0]!;
    if (!input.allow_duplicate) {
      const repeat = await tickets.likelyDuplicateTicket(
        db,
        workspaceId,
        { conversationId: conversation?.id ?? null, contactId: contact?.id ?? null, subject },
        DUPLICATE_WINDOW_SECONDS,
      );
      if (repeat)
        throw new OperationError(
          'conflict',
          repeat.same_conversation
            ? `This conversation already has ticket ${repeat.id} (${repeat.status}); no second one opened.`
            : `Ticket ${repeat.id} with this subject was opened for this customer at ${repeat.created_at}; no second one opened.`,
          'Work on that ticket (get_ticket, update_ticket), or pass allow_duplicate: true to open another anyway.',
        );
    }
    const id = await ticketCommands.insertTicket(
      db,
      {
        workspaceId,
        subject,
        summary: input.summary ?? (conversation ? await conversations.firstCustomerLine(db, conversation.id) : null),
        status: input.status,
        priority: input.priority,
        assignee: input.assignee ?? null,
        tags: input.tags,
        contactId: contact?.id ?? null,
        companyId: contact?.company_id ?? null,
        conversationId: conversation?.id ?? null,
      },
      actorOf(principal),
    );
    return { ticket: (await tickets.getTicket(db, tenant, id))! };
  },
  changes: ({ ticket }) => [
    { workspaceId: ticket.workspace_id, subject: { type: 'ticket', id: ticket.id }, event: 'ticket.created', data: ticket },
  ],
});

/** Where a ticket opens: its conversation's workspace, else its contact's, else the one named; they must agree. */
async function resolveOrigin(
  db: Queryable,
  principal: Principal,
  input: { workspace?: string | undefined; conversation_id?: string | undefined; contact_id?: string | undefined },
) {
  const visible = tenantFor(principal, input.workspace);
  const conversation = input.conversation_id ? await conversations.getConversation(db, visible, input.conversation_id) : undefined;
  if (input.conversation_id && !conversation)
    throw notFound('conversation', input.conversation_id, 'Use search_conversations to find conversation ids.');
  const contactId = input.contact_id ?? conversation?.contact_id ?? undefined;
  const contact = contactId ? await contacts.getContact(db, visible, contactId) : undefined;
  if (contactId && !contact) throw notFound('contact', contactId, 'Use search_contacts to find contact ids.');
  if (conversation && contact && conversation.workspace_id !== contact.workspace_id)
    throw invalidArgument('The contact and the conversation are in different workspaces.');
  const row = conversation ?? contact;
  return { tenant: row ? rowTenant(principal, row) : writeTenant(principal, input.workspace), conversation, contact };
}
