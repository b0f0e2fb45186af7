import type { Toolset } from '../define.ts';
import { getTicket } from './get-ticket.ts';
import { listTicketMessages } from './list-ticket-messages.ts';
import { listTickets } from './list-tickets.ts';
import { searchTickets } from './search-tickets.ts';

export const helpdesk: Toolset = {
  id: 'helpdesk',
  description: 'Help-desk tickets: by urgency or activity, searched by what was said, with their threads.',
  default: false,
  instructions:
    'list_tickets sorts by urgency (priority, then breached or nearest due time, then longest untouched) and carries the customer ' +
    'name and a one-line summary, so "the most urgent open tickets touched today" is one call; search_tickets finds tickets by ' +
    'what was said; get_ticket and list_ticket_messages read a thread.',
  operations: [listTickets, searchTickets, getTicket, listTicketMessages],
};
