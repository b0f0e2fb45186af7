import type { Toolset } from '../define.ts';
import { listOutgoingMessages } from './list-outgoing-messages.ts';
import { reportMessageDelivery } from './report-message-delivery.ts';

export const delivery: Toolset = {
  id: 'delivery',
  description: 'Outgoing messages and their delivery, for the channel integrations that deliver them.',
  default: false,
  instructions:
    'Messages sent from Parley are queued; the channel integration lists them with list_outgoing_messages (status queued) and ' +
    'reports each with report_message_delivery (sent, delivered, read, failed with a reason).',
  operations: [listOutgoingMessages, reportMessageDelivery],
};
