import * as z from 'zod';
import * as agentCommands from '../../domain/agents/commands.ts';
import { defineOperation } from '../define.ts';
import { findSkill, SkillIdParam } from '../params/agent-fields.ts';

export const deleteSkill = defineOperation({
  name: 'delete_skill',
  title: "Remove an AI agent's skill",
  description: 'Removes a skill from its agent for good. To stop the agent using it for now, set enabled false with patch_skill instead.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  input: z.object({ skill_id: SkillIdParam }),
  output: z.object({ deleted: z.object({ id: z.string(), workspace_id: z.string(), agent_id: z.string(), name: z.string() }) }),
  rest: { method: 'DELETE', path: '/skills/{skill_id}' },
  examples: [{ summary: 'Remove a skill', input: { skill_id: 'sk_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const skill = await findSkill(db, principal, input.skill_id);
    await agentCommands.deleteSkill(db, skill);
    return { deleted: { id: skill.id, workspace_id: skill.workspace_id, agent_id: skill.agent_id, name: skill.name } };
  },
  changes: ({ deleted }) => [
    { workspaceId: deleted.workspace_id, subject: { type: 'skill', id: deleted.id }, event: 'skill.deleted', data: deleted },
  ],
});
