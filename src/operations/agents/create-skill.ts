import * as z from 'zod';
import * as agentCommands from '../../domain/agents/commands.ts';
import * as agents from '../../domain/agents/queries.ts';
import { Skill } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { AgentIdParam, findAgent, refuseSkillNameTaken, SkillFieldParams } from '../params/agent-fields.ts';
import { rowTenant } from '../params/workspace.ts';

export const createSkill = defineOperation({
  name: 'create_skill',
  title: 'Give an AI agent a skill',
  description:
    'Adds a named skill to an AI agent: when it uses it (trigger) and how (instructions). Enabled unless enabled is ' +
    'false. Refused when the agent has a skill of that name; change that one with patch_skill.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    agent_id: AgentIdParam,
    name: SkillFieldParams.name,
    description: SkillFieldParams.description.optional(),
    trigger: SkillFieldParams.trigger.optional(),
    instructions: SkillFieldParams.instructions.default(''),
    enabled: SkillFieldParams.enabled.default(true),
  }),
  output: z.object({ skill: Skill }),
  rest: { method: 'POST', path: '/agents/{agent_id}/skills' },
  examples: [
    {
      summary: 'Let an agent handle refunds',
      input: {
        agent_id: 'ag_01JD0000000000000000000000',
        name: 'refund_requests',
        trigger: 'The customer asks for their money back.',
        instructions: 'Check the order date; within 30 days, confirm the refund; otherwise open a ticket.',
      },
    },
  ],
  async run({ db, principal }, input) {
    const agent = await findAgent(db, principal, input.agent_id);
    await refuseSkillNameTaken(db, agent.id, input.name);
    const id = await agentCommands.insertSkill(db, agent, {
      name: input.name,
      description: input.description ?? null,
      trigger: input.trigger ?? null,
      instructions: input.instructions,
      enabled: input.enabled,
    });
    return { skill: (await agents.getSkill(db, rowTenant(principal, agent), id))! };
  },
  changes: ({ skill }) => [
    { workspaceId: skill.workspace_id, subject: { type: 'skill', id: skill.id }, event: 'skill.created', data: skill },
  ],
});
