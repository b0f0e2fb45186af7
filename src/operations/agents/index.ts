import type { Toolset } from '../define.ts';
import { createAgent } from './create-agent.ts';
import { createSkill } from './create-skill.ts';
import { deleteAgent } from './delete-agent.ts';
import { deleteSkill } from './delete-skill.ts';
import { getAgent } from './get-agent.ts';
import { listAgents } from './list-agents.ts';
import { listSkills } from './list-skills.ts';
import { patchAgent } from './patch-agent.ts';
import { patchSkill } from './patch-skill.ts';

export const agents: Toolset = {
  id: 'agents',
  description: 'The AI chat agents (chatbots) and their skills: what each can do, when and how.',
  default: false,
  instructions:
    'list_agents shows each AI agent with its enabled skills and open conversations; get_agent has its settings and every ' +
    'skill. create_agent starts paused; patch_agent pauses, archives or renames; delete_agent is refused while it owns open ' +
    'conversations unless forced. list_skills, create_skill, patch_skill (enabled false switches one off), delete_skill.',
  operations: [listAgents, getAgent, createAgent, patchAgent, listSkills, createSkill, patchSkill, deleteSkill, deleteAgent],
};
