import * as z from 'zod';
import * as tickets from '../../domain/tickets/queries.ts';
import { TicketSummary } from '../../domain/tickets/schema.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { TicketFilterParams, ticketFilter } from '../params/ticket-filter.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const searchTickets = defineOperation({
  name: 'search_tickets',
  title: 'Search help-desk tickets',
  description:
    'Tickets whose subject, summary or messages match `query` (web-search syntax: words, "exact phrase", -exclude, or), ' +
    'most recently touched first, each with the best matching excerpt (hits marked **like this**), the customer name ' +
    'and a one-line summary. Takes the same filters as list_tickets.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    query: z.string().trim().min(1).max(200).describe('e.g. "double charge" or refund -annual.'),
    workspace: WorkspaceParam,
    ...TicketFilterParams,
    ...PaginationParams,
  }),
  output: z.object({
    tickets: z.array(TicketSummary.extend({ snippet: z.string().nullable() })),
    pagination: PageInfo,
  }),
  rest: { method: 'GET', path: '/tickets/search' },
  examples: [{ summary: 'Tickets about double charges', input: { query: '"charged twice" or "double charge"' } }],
  async run({ db, principal }, input) {
    const { total, items } = await tickets.searchTickets(
      db,
      tenantFor(principal, input.workspace),
      { ...ticketFilter(input), query: input.query },
      pageRequest(input),
    );
    return { tickets: items, pagination: pageInfo(input, total) };
  },
});
