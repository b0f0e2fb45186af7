import * as z from 'zod';
import { AgentDetail } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { AgentIdParam, findAgent } from '../params/agent-fields.ts';

export const getAgent = defineOperation({
  name: 'get_agent',
  title: 'Get an AI agent',
  description:
    'One AI agent with its AI and widget settings and all its skills (enabled or not, with trigger and instructions), ' +
    'and how many open conversations it owns.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ agent_id: AgentIdParam }),
  output: z.object({ agent: AgentDetail }),
  rest: { method: 'GET', path: '/agents/{agent_id}' },
  examples: [{ summary: 'An agent and its skills', input: { agent_id: 'ag_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    return { agent: await findAgent(db, principal, input.agent_id) };
  },
});
