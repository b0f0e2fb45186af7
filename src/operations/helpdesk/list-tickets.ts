import * as z from 'zod';
import { TicketSummary } from '../../domain/tickets/schema.ts';
import * as tickets from '../../domain/tickets/queries.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';
import { TicketFilterParams, ticketFilter } from '../params/ticket-filter.ts';

export const listTickets = defineOperation({
  name: 'list_tickets',
  title: 'List help-desk tickets',
  description:
    'Help-desk tickets with the customer name and a one-line summary, sorted by urgency (default: priority, then the ' +
    'breached or nearest due time, then the longest untouched) or by recent activity. Filter by status (open, pending, ' +
    'in_progress, closed; several allowed), priority, assignee, tag, contact, and when they were last touched ' +
    '(touched_within_hours: 24 for "the last day"). "The three most urgent open tickets touched today" is one call: ' +
    'status open, touched_within_hours 24, per_page 3. get_ticket has the thread.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...TicketFilterParams,
    sort: z.enum(['urgency', 'recent']).default('urgency'),
    ...PaginationParams,
  }),
  output: z.object({ tickets: z.array(TicketSummary), pagination: PageInfo }),
  rest: { method: 'GET', path: '/tickets' },
  examples: [
    { summary: 'The most urgent open tickets touched in the last day', input: { status: ['open'], touched_within_hours: 24, per_page: 3 } },
    { summary: 'Recently touched refund tickets', input: { tag: 'refund', sort: 'recent' } },
  ],
  async run({ db, principal }, input) {
    const { total, items } = await tickets.listTickets(
      db,
      tenantFor(principal, input.workspace),
      ticketFilter(input),
      input.sort,
      pageRequest(input),
    );
    return { tickets: items, pagination: pageInfo(input, total) };
  },
});
