import * as z from 'zod';
import type { Queryable } from '../../db/database.ts';
import * as messages from '../../domain/messages/queries.ts';
import type { Sender } from '../../domain/messages/schema.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import type { Tenant } from '../../domain/tenancy/tenant.ts';
import { invalidArgument, OperationError } from '../errors.ts';

export const SenderParam = z
  .string()
  .min(1)
  .max(64)
  .optional()
  .describe(
    'Send as this AI agent (ag_...) or person (usr_...), from list_workspace_senders. Default: the person who connected this ' +
      "app; with an API key, the conversation's AI agent, else the workspace's first active one.",
  );

/** Don't send the same text to the same customer on the same channel again within this many seconds unless asked to. */
export const DUPLICATE_WINDOW_SECONDS = 600;

export const AllowDuplicateParam = z
  .boolean()
  .default(false)
  .describe(
    `Send even though the same text went to this customer on this channel in the last ${DUPLICATE_WINDOW_SECONDS / 60} minutes. Only when they should get it twice.`,
  );

/**
 * Whom a message goes out as, in a workspace: the sender named (an agent of the workspace, or a person of the account;
 * a person signed in through OAuth may send only as themselves or an agent), else the person behind an OAuth grant,
 * else the AI agent the conversation or contact belongs to, else the workspace's first active agent.
 */
export async function resolveSender(
  db: Queryable,
  principal: Principal,
  tenant: Tenant,
  workspaceId: string,
  named: string | undefined,
  fallbackAgentId: string | null,
): Promise<Sender> {
  const self = principal.credential.userId;
  const id = named ?? self ?? fallbackAgentId ?? (await messages.firstActiveAgent(db, workspaceId));
  if (id === null || id === undefined)
    throw invalidArgument(
      'Nobody to send as: this workspace has no active AI agent and an API key is not a person.',
      'Pass sender_id: an agent or person from list_workspace_senders.',
    );
  const sender = await messages.findSender(db, tenant, workspaceId, id);
  if (!sender)
    throw invalidArgument(
      `"${id}" cannot send in this workspace: it is not one of its active AI agents or a person of this account.`,
      'Call list_workspace_senders for the agents and people who can send.',
    );
  if (sender.type === 'user' && self !== undefined && sender.id !== self)
    throw new OperationError('forbidden', 'A person connected through OAuth can send only as themselves or as an AI agent.');
  return sender;
}
