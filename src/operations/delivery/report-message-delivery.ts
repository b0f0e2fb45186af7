import * as z from 'zod';
import * as messageCommands from '../../domain/messages/commands.ts';
import * as messages from '../../domain/messages/queries.ts';
import { DeliveryStatus, OutgoingMessage, reportEffect } from '../../domain/messages/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound, OperationError } from '../errors.ts';
import { Instant } from '../params/dates.ts';
import { rowTenant } from '../params/workspace.ts';

export const reportMessageDelivery = defineOperation({
  name: 'report_message_delivery',
  title: 'Report a message delivery',
  description:
    'For channel integrations: records what happened to an outgoing message: sent (handed to the provider), delivered, ' +
    'read, or failed (with a reason). Reports may arrive out of order: one older than the status the message has ' +
    '(delivered after read) changes nothing and answers the message as it is (changed: false). A failed message can ' +
    'still be reported sent, delivered or read when a retry gets through; a delivered one cannot fail.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    message_id: z.string().min(1).max(64).describe('An outgoing message id (msg_...).'),
    status: DeliveryStatus.exclude(['queued']),
    reason: z.string().trim().min(1).max(500).optional().describe('Required with failed: why, as the provider said.'),
    external_id: z.string().trim().min(1).max(200).optional().describe("The provider's own id for the message."),
    occurred_at: Instant.optional().describe('When it happened (ISO 8601); default now.'),
  }),
  output: z.object({ message: OutgoingMessage, changed: z.boolean() }),
  rest: { method: 'POST', path: '/messages/{message_id}/delivery', creates: false },
  examples: [{ summary: 'The provider delivered a message', input: { message_id: 'msg_01JD0000000000000000000000', status: 'delivered' } }],
  async run({ db, principal }, input) {
    if ((input.status === 'failed') !== (input.reason !== undefined))
      throw invalidArgument('Give a reason with status failed, and only then.');
    const message = await messages.getOutgoingMessage(db, tenantOf(principal), input.message_id);
    if (!message) throw notFound('outgoing message', input.message_id, 'Use list_outgoing_messages to find outgoing message ids.');
    const effect = reportEffect(message.status, input.status);
    if (effect === 'conflict')
      throw new OperationError('conflict', `Message ${message.id} was already ${message.status}; it cannot have failed.`);
    if (effect === 'stale') return { message, changed: false };
    await messageCommands.recordDelivery(db, message, {
      status: input.status,
      reason: input.reason ?? null,
      externalId: input.external_id,
      at: input.occurred_at ? new Date(input.occurred_at) : new Date(),
    });
    return { message: (await messages.getOutgoingMessage(db, rowTenant(principal, message), message.id))!, changed: true };
  },
  changes: ({ message, changed }) =>
    changed
      ? [
          {
            workspaceId: message.workspace_id,
            subject: { type: 'message', id: message.id },
            event: 'message.status_updated',
            data: message,
          },
        ]
      : [],
});
