import * as z from 'zod';
import * as agentCommands from '../../domain/agents/commands.ts';
import { defineOperation } from '../define.ts';
import { OperationError } from '../errors.ts';
import { AgentIdParam, findAgent } from '../params/agent-fields.ts';

export const deleteAgent = defineOperation({
  name: 'delete_agent',
  title: 'Delete an AI agent',
  description:
    'Deletes an AI agent and its skills for good; its conversations, contacts and calls stay, with no agent. Refused ' +
    'while it owns open or escalated conversations, unless force is true (they then have no agent to answer them). To ' +
    'stop an agent and keep it, set status paused or archived with patch_agent.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  input: z.object({
    agent_id: AgentIdParam,
    force: z.boolean().default(false).describe('Delete it even though it owns open conversations.'),
  }),
  output: z.object({
    deleted: z.object({ id: z.string(), workspace_id: z.string(), name: z.string(), open_conversations: z.number().int() }),
  }),
  rest: { method: 'DELETE', path: '/agents/{agent_id}' },
  examples: [{ summary: 'Delete an agent with its open conversations', input: { agent_id: 'ag_01JD0000000000000000000002', force: true } }],
  async run({ db, principal }, input) {
    const agent = await findAgent(db, principal, input.agent_id);
    if (agent.open_conversations > 0 && !input.force)
      throw new OperationError(
        'conflict',
        `Agent ${agent.id} (${agent.name}) owns ${agent.open_conversations} open or escalated conversations; not deleted.`,
        'Pass force: true to delete it anyway (those conversations are left without an agent), or pause it with patch_agent status paused.',
      );
    await agentCommands.deleteAgent(db, agent);
    return { deleted: { id: agent.id, workspace_id: agent.workspace_id, name: agent.name, open_conversations: agent.open_conversations } };
  },
  changes: ({ deleted }) => [
    { workspaceId: deleted.workspace_id, subject: { type: 'agent', id: deleted.id }, event: 'agent.deleted', data: deleted },
  ],
});
