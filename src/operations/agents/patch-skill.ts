import * as z from 'zod';
import * as agentCommands from '../../domain/agents/commands.ts';
import * as agents from '../../domain/agents/queries.ts';
import { Skill } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { findSkill, refuseSkillNameTaken, SkillFieldParams, SkillIdParam } from '../params/agent-fields.ts';
import { patchedFields, realChanges, updated } from '../params/merge-patch.ts';
import { rowTenant } from '../params/workspace.ts';

const FIELDS = ['name', 'description', 'trigger', 'instructions', 'enabled'] as const;

export const patchSkill = defineOperation({
  name: 'patch_skill',
  title: "Change an AI agent's skill",
  description:
    'Changes a skill: rename it, rewrite its trigger or instructions, or switch it off and on (enabled). Fields left ' +
    'out stay; null clears description or trigger.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    skill_id: SkillIdParam,
    name: SkillFieldParams.name.optional(),
    description: SkillFieldParams.description.nullable().optional(),
    trigger: SkillFieldParams.trigger.nullable().optional(),
    instructions: SkillFieldParams.instructions.optional(),
    enabled: SkillFieldParams.enabled.optional(),
  }),
  output: z.object({ skill: Skill, changed: z.array(z.enum(FIELDS)) }),
  rest: { method: 'PATCH', path: '/skills/{skill_id}' },
  examples: [{ summary: 'Switch a skill off', input: { skill_id: 'sk_01JD0000000000000000000000', enabled: false } }],
  async run({ db, principal }, input) {
    patchedFields(input, FIELDS);
    const skill = await findSkill(db, principal, input.skill_id);
    if (input.name !== undefined) await refuseSkillNameTaken(db, skill.agent_id, input.name, skill.id);
    const changes = realChanges(input, skill, FIELDS);
    await agentCommands.patchSkill(db, skill, changes);
    return {
      skill: (await agents.getSkill(db, rowTenant(principal, skill), skill.id))!,
      changed: Object.keys(changes) as (typeof FIELDS)[number][],
    };
  },
  changes: ({ skill, changed }) => updated('skill', skill, changed, { skill }),
});
