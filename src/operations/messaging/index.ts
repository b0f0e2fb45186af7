import type { Toolset } from '../define.ts';
import { listContactConversations } from './list-contact-conversations.ts';
import { listContactEmailThreads } from './list-contact-email-threads.ts';
import { listWorkspaceSenders } from './list-workspace-senders.ts';
import { sendContactMessage } from './send-contact-message.ts';

export const messaging: Toolset = {
  id: 'messaging',
  description: "A contact's conversations on every channel and their e-mail threads, and new messages to them (e-mail, SMS, WhatsApp).",
  default: false,
  instructions:
    'list_workspace_senders tells which agents and people can send and which channels can carry a message; send_contact_message ' +
    'messages a contact on one of them, continuing their open conversation there or opening one. list_contact_conversations ' +
    'and list_contact_email_threads show what was said with a contact before.',
  operations: [listWorkspaceSenders, listContactConversations, listContactEmailThreads, sendContactMessage],
};
