import * as z from 'zod';

export const AGENT_STATUSES = ['active', 'paused', 'archived'] as const;

export const Agent = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(AGENT_STATUSES).describe('active answers customers; paused does not for now; archived is retired.'),
  skills: z.array(z.string()).describe('The names of its enabled skills.'),
  open_conversations: z.number().int().describe('Conversations it owns that are open or escalated.'),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Agent = z.infer<typeof Agent>;

export const Skill = z.object({
  id: z.string(),
  agent_id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  trigger: z.string().nullable().describe('When the agent uses it.'),
  instructions: z.string().describe('How the agent carries it out.'),
  enabled: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Skill = z.infer<typeof Skill>;

export const AgentDetail = Agent.extend({
  ai_settings: z.record(z.string(), z.unknown()),
  widget_settings: z.record(z.string(), z.unknown()),
  skill_list: z.array(Skill).describe('All its skills, enabled or not.'),
});
export type AgentDetail = z.infer<typeof AgentDetail>;
