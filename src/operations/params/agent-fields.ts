import * as z from 'zod';
import type { Queryable } from '../../db/database.ts';
import * as agents from '../../domain/agents/queries.ts';
import { AGENT_STATUSES } from '../../domain/agents/schema.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { notFound } from '../errors.ts';
import { refuseTaken } from './taken.ts';

/** The fields create_agent and patch_agent set. */
export const AgentFieldParams = {
  name: z.string().trim().min(1).max(100).describe('Unique in its workspace, e.g. "Atlas (Support)".'),
  description: z.string().trim().min(1).max(500).describe('What it does, in a sentence.'),
  status: z.enum(AGENT_STATUSES).describe('active answers customers; paused stops for now; archived retires it.'),
};

/** The fields create_skill and patch_skill set. */
export const SkillFieldParams = {
  name: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{0,49}$/, 'snake_case, such as demo_booking')
    .describe('Unique for its agent, snake_case, such as demo_booking.'),
  description: z.string().trim().min(1).max(300).describe('What it is for, in a sentence.'),
  trigger: z.string().trim().min(1).max(500).describe('When the agent uses it, e.g. "The visitor asks about prices".'),
  instructions: z.string().trim().max(10_000).describe('How the agent carries it out (up to 10,000 characters).'),
  enabled: z.boolean(),
};

export const AgentIdParam = z.string().min(1).max(64).describe('An AI agent id (ag_...), from list_agents.');
export const SkillIdParam = z.string().min(1).max(64).describe('A skill id (sk_...), from list_skills or get_agent.');

export async function findAgent(db: Queryable, principal: Principal, id: string) {
  const agent = await agents.getAgent(db, tenantOf(principal), id);
  if (!agent) throw notFound('agent', id, 'Use list_agents to find agent ids.');
  return agent;
}

export async function findSkill(db: Queryable, principal: Principal, id: string) {
  const skill = await agents.getSkill(db, tenantOf(principal), id);
  if (!skill) throw notFound('skill', id, 'Use list_skills to find skill ids.');
  return skill;
}

/** Refuses an agent name the workspace has already; `self` is the agent being renamed. */
export function refuseAgentNameTaken(db: Queryable, workspaceId: string, name: string, self?: string): Promise<void> {
  return refuseTaken(
    db,
    { what: 'Agent', field: 'name', value: name, owner: workspaceId },
    () => agents.agentNamed(db, workspaceId, name),
    {
      self,
      hint: 'Use that agent (patch_agent), or pick another name.',
    },
  );
}

/** Refuses a skill name the agent has already; `self` is the skill being renamed. */
export function refuseSkillNameTaken(db: Queryable, agentId: string, name: string, self?: string): Promise<void> {
  return refuseTaken(db, { what: 'Skill', field: 'name', value: name, owner: agentId }, () => agents.skillNamed(db, agentId, name), {
    self,
    hint: 'Change it with patch_skill, or pick another name.',
  });
}
