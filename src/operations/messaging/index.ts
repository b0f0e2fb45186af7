import type { Toolset } from '../define.ts';
import { listWorkspaceSenders } from './list-workspace-senders.ts';
import { sendContactMessage } from './send-contact-message.ts';

export const messaging: Toolset = {
  id: 'messaging',
  description: 'Reaching contacts on their own channels (e-mail, SMS, WhatsApp): who can send, and new messages to them.',
  default: false,
  instructions:
    'list_workspace_senders tells which agents and people can send and which channels can carry a message; send_contact_message ' +
    'messages a contact on one of them, continuing their open conversation there or opening one.',
  operations: [listWorkspaceSenders, sendContactMessage],
};
