import type { Toolset } from '../define.ts';
import { createTicket } from './create-ticket.ts';
import { getTicket } from './get-ticket.ts';
import { listTicketMessages } from './list-ticket-messages.ts';
import { listTickets } from './list-tickets.ts';
import { searchTickets } from './search-tickets.ts';
import { sendTicketMessage } from './send-ticket-message.ts';
import { updateTicket } from './update-ticket.ts';

export const helpdesk: Toolset = {
  id: 'helpdesk',
  description: 'Help-desk tickets: by urgency or activity, searched by what was said, with their threads; open, reply, note, update.',
  default: false,
  instructions:
    'list_tickets sorts by urgency (priority, then breached or nearest due time, then longest untouched) with the customer ' +
    'name and a one-line summary: "the most urgent open tickets touched today" is one call. search_tickets finds by what ' +
    'was said; get_ticket has the thread and timeline. create_ticket, send_ticket_message (reply or internal note) and ' +
    'update_ticket write.',
  operations: [listTickets, searchTickets, getTicket, listTicketMessages, createTicket, sendTicketMessage, updateTicket],
};
