import * as z from 'zod';
import * as agentCommands from '../../domain/agents/commands.ts';
import * as agents from '../../domain/agents/queries.ts';
import { AgentDetail } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { AgentFieldParams, AgentIdParam, findAgent, refuseAgentNameTaken } from '../params/agent-fields.ts';
import { patchedFields, realChanges, updated } from '../params/merge-patch.ts';
import { rowTenant } from '../params/workspace.ts';

const FIELDS = ['name', 'description', 'status'] as const;

export const patchAgent = defineOperation({
  name: 'patch_agent',
  title: 'Change an AI agent',
  description:
    'Renames an AI agent, changes its description (null clears it) or its status: paused stops it answering for now, ' +
    'archived retires it, active puts it back. Fields left out stay. Its skills change with patch_skill.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    agent_id: AgentIdParam,
    name: AgentFieldParams.name.optional(),
    description: AgentFieldParams.description.nullable().optional(),
    status: AgentFieldParams.status.optional(),
  }),
  output: z.object({ agent: AgentDetail, changed: z.array(z.enum(FIELDS)) }),
  rest: { method: 'PATCH', path: '/agents/{agent_id}' },
  examples: [{ summary: 'Pause an agent', input: { agent_id: 'ag_01JD0000000000000000000000', status: 'paused' } }],
  async run({ db, principal }, input) {
    patchedFields(input, FIELDS);
    const agent = await findAgent(db, principal, input.agent_id);
    if (input.name !== undefined) await refuseAgentNameTaken(db, agent.workspace_id, input.name, agent.id);
    const changes = realChanges(input, agent, FIELDS);
    await agentCommands.patchAgent(db, agent, changes);
    return {
      agent: (await agents.getAgent(db, rowTenant(principal, agent), agent.id))!,
      changed: Object.keys(changes) as (typeof FIELDS)[number][],
    };
  },
  changes: ({ agent, changed }) => updated('agent', agent, changed, { agent }),
});
