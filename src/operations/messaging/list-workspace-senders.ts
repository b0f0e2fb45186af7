import * as z from 'zod';
import * as messages from '../../domain/messages/queries.ts';
import { SendingChannel } from '../../domain/messages/schema.ts';
import { defineOperation } from '../define.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

const Named = z.object({ id: z.string().describe('What sender_id takes.'), name: z.string() });

export const listWorkspaceSenders = defineOperation({
  name: 'list_workspace_senders',
  title: 'List who and what can send',
  description:
    'Per workspace, the active AI agents a message can be sent as and its channels, with can_send for those ' +
    'send_contact_message reaches (active email, sms, whatsapp); and the people of the account, who may send in every ' +
    'workspace. An agent or person id is what send_conversation_message and send_contact_message take as sender_id. ' +
    'Call it before messaging a contact.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ workspace: WorkspaceParam }),
  output: z.object({
    workspaces: z.array(z.object({ id: z.string(), slug: z.string(), agents: z.array(Named), channels: z.array(SendingChannel) })),
    people: z.array(Named),
  }),
  rest: { method: 'GET', path: '/senders' },
  examples: [{ summary: 'Who can send, and through which channels', input: {} }],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const [senders, channels] = [await messages.listSenders(db, tenant), await messages.listChannels(db, tenant)];
    return {
      workspaces: tenant.workspaces.map((w) => ({
        id: w.id,
        slug: w.slug,
        agents: senders.filter((s) => s.type === 'agent' && s.workspace_id === w.id).map(({ id, name }) => ({ id, name })),
        channels: channels.filter((c) => c.workspace_id === w.id).map(({ workspace_id: _, ...channel }) => channel),
      })),
      people: senders.filter((s) => s.type === 'user').map(({ id, name }) => ({ id, name })),
    };
  },
});
