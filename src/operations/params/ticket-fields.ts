import * as z from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../domain/tickets/schema.ts';

/** The fields create_ticket and update_ticket set, read the same way by both. */
export const TicketFieldParams = {
  subject: z.string().trim().min(1).max(200),
  summary: z.string().trim().min(1).max(300).describe('One line: what the customer needs.'),
  status: z.enum(TICKET_STATUSES).describe('open, pending (waiting on the customer), in_progress or closed.'),
  priority: z.enum(TICKET_PRIORITIES).describe('Due times follow it: urgent 1h/8h, high 4h/24h, normal 24h/72h, low 72h/168h.'),
  assignee: z.string().trim().min(1).max(100).describe('Who works on it, as shown on tickets, e.g. "Dana Reyes".'),
  tags: z
    .array(z.string().trim().toLowerCase().min(1).max(50))
    .max(20)
    .transform((tags) => [...new Set(tags)]),
};

export const TicketIdParam = z.string().min(1).max(64).describe('A ticket id (tk_...).');
