import * as z from 'zod';
import * as messages from '../../domain/messages/queries.ts';
import { DeliveryStatus, OutgoingMessage } from '../../domain/messages/schema.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listOutgoingMessages = defineOperation({
  name: 'list_outgoing_messages',
  title: 'List outgoing messages',
  description:
    'Messages sent from Parley, oldest first, with where each goes (channel, channel_id, recipient) and its delivery ' +
    'status. A channel integration polls status "queued" to deliver them, then reports with report_message_delivery; ' +
    'an assistant filters status "failed" to see what did not reach customers and why.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    status: DeliveryStatus.optional(),
    channel: z.string().max(32).optional().describe('email, sms, whatsapp, web, ...'),
    conversation_id: z.string().max(64).optional(),
    ...PaginationParams,
  }),
  output: z.object({ messages: z.array(OutgoingMessage), pagination: PageInfo }),
  rest: { method: 'GET', path: '/messages' },
  examples: [
    { summary: 'Messages waiting for delivery', input: { status: 'queued' } },
    { summary: 'Failed e-mails', input: { status: 'failed', channel: 'email' } },
  ],
  async run({ db, principal }, input) {
    const { total, items } = await messages.listOutgoingMessages(
      db,
      tenantFor(principal, input.workspace),
      { status: input.status, channel: input.channel, conversationId: input.conversation_id },
      pageRequest(input),
    );
    return { messages: items, pagination: pageInfo(input, total) };
  },
});
