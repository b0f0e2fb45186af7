import * as z from 'zod';
import * as ticketCommands from '../../domain/tickets/commands.ts';
import * as tickets from '../../domain/tickets/queries.ts';
import { Ticket, TICKET_FIELDS, type TicketField } from '../../domain/tickets/schema.ts';
import { actorOf } from '../../domain/tenancy/principal.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { realChanges, updated } from '../params/merge-patch.ts';
import { invalidArgument, notFound } from '../errors.ts';
import { TicketFieldParams, TicketIdParam } from '../params/ticket-fields.ts';
import { rowTenant } from '../params/workspace.ts';

export const updateTicket = defineOperation({
  name: 'update_ticket',
  title: 'Update a help-desk ticket',
  description:
    'Changes a ticket: status (closing stamps closed_at, reopening clears it), priority (due times follow its targets, ' +
    'counted from the opening), assignee (null unassigns), tags (tags replaces them all; add_tags and remove_tags change ' +
    'some and are safe to retry), subject, summary. Each change goes on the ticket timeline (get_ticket) with who made it; ' +
    'a field already at the value given is not a change. Reply or add a note with send_ticket_message.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    ticket_id: TicketIdParam,
    status: TicketFieldParams.status.optional(),
    priority: TicketFieldParams.priority.optional(),
    assignee: TicketFieldParams.assignee.nullable().optional(),
    tags: TicketFieldParams.tags.optional().describe('The whole set of tags, replacing the current ones.'),
    add_tags: TicketFieldParams.tags.optional(),
    remove_tags: TicketFieldParams.tags.optional(),
    subject: TicketFieldParams.subject.optional(),
    summary: TicketFieldParams.summary.nullable().optional(),
  }),
  output: z.object({ ticket: Ticket, changed: z.array(z.enum(TICKET_FIELDS)).describe('The fields this call changed.') }),
  rest: { method: 'PATCH', path: '/tickets/{ticket_id}' },
  examples: [
    { summary: 'Escalate and assign', input: { ticket_id: 'tk_01JD0000000000000000000000', priority: 'urgent', assignee: 'Dana Reyes' } },
    { summary: 'Close with a tag', input: { ticket_id: 'tk_01JD0000000000000000000000', status: 'closed', add_tags: ['resolved-by-ai'] } },
  ],
  async run({ db, principal }, input) {
    if (input.tags !== undefined && (input.add_tags !== undefined || input.remove_tags !== undefined))
      throw invalidArgument('Give tags (the whole set) or add_tags/remove_tags, not both.');
    const found = await tickets.getTicket(db, tenantOf(principal), input.ticket_id);
    if (!found) throw notFound('ticket', input.ticket_id, 'Use list_tickets or search_tickets to find ticket ids.');
    const ticket = { ...found, summary: await tickets.writtenSummary(db, found.id) };
    const wanted: Partial<Record<TicketField, unknown>> = {
      status: input.status,
      priority: input.priority,
      assignee: input.assignee,
      subject: input.subject,
      summary: input.summary,
      tags: input.tags ?? nextTags(ticket.tags, input.add_tags, input.remove_tags),
    };
    const changes = realChanges(wanted, ticket, TICKET_FIELDS);
    await ticketCommands.changeTicket(db, ticket, changes, actorOf(principal));
    return {
      ticket: (await tickets.getTicket(db, rowTenant(principal, found), found.id))!,
      changed: Object.keys(changes) as TicketField[],
    };
  },
  changes: ({ ticket, changed }) => updated('ticket', ticket, changed, { ticket }),
});

/** The tags after adding and removing some, in order; undefined when neither was asked. */
function nextTags(current: readonly string[], add: readonly string[] | undefined, remove: readonly string[] | undefined) {
  if (add === undefined && remove === undefined) return undefined;
  return [...new Set([...current, ...(add ?? [])])].filter((tag) => !remove?.includes(tag));
}
