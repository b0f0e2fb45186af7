import * as z from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../domain/tickets/schema.ts';
import type { TicketFilter } from '../../domain/tickets/queries.ts';
import { invalidArgument } from '../errors.ts';
import { Instant } from './dates.ts';

/** The filters list_tickets and search_tickets share. */
export const TicketFilterParams = {
  status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).optional().describe('Any of these statuses.'),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  assignee: z.string().min(1).max(100).optional().describe('The assignee as shown on tickets, e.g. "Dana Reyes".'),
  tag: z.string().min(1).max(50).optional(),
  contact_id: z.string().max(64).optional(),
  touched_within_hours: z
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional()
    .describe('Touched in the last this many hours.'),
  touched_since: Instant.optional().describe('Touched at or after this instant (ISO 8601).'),
  touched_before: Instant.optional().describe('Touched before this instant (ISO 8601).'),
};

type FilterInput = { [K in keyof typeof TicketFilterParams]?: z.output<(typeof TicketFilterParams)[K]> };

export function ticketFilter(input: FilterInput, now = Date.now()): TicketFilter {
  if (input.touched_within_hours !== undefined && input.touched_since !== undefined)
    throw invalidArgument('Give touched_within_hours or touched_since, not both.');
  const touchedSince =
    input.touched_within_hours !== undefined
      ? new Date(now - input.touched_within_hours * 3600_000)
      : input.touched_since
        ? new Date(input.touched_since)
        : undefined;
  const touchedBefore = input.touched_before ? new Date(input.touched_before) : undefined;
  if (touchedSince && touchedBefore && touchedSince >= touchedBefore) throw invalidArgument('The touched window ends before it starts.');
  return {
    statuses: input.status,
    priority: input.priority,
    assignee: input.assignee,
    tag: input.tag,
    contactId: input.contact_id,
    touchedSince,
    touchedBefore,
  };
}
