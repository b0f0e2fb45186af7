import * as z from 'zod';
import * as agents from '../../domain/agents/queries.ts';
import { Skill } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listSkills = defineOperation({
  name: 'list_skills',
  title: 'List AI agent skills',
  description:
    "The skills of the workspaces' AI agents (what each can do, when it uses it and how), by agent and name. Narrow to " +
    'one agent with agent_id, or to enabled or disabled skills.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    agent_id: z.string().min(1).max(64).optional().describe('Only this agent (ag_...).'),
    enabled: z.boolean().optional(),
    ...PaginationParams,
  }),
  output: z.object({ skills: z.array(Skill), pagination: PageInfo }),
  rest: { method: 'GET', path: '/skills' },
  examples: [{ summary: "One agent's skills", input: { agent_id: 'ag_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const { total, items } = await agents.listSkills(
      db,
      tenantFor(principal, input.workspace),
      { agentId: input.agent_id, enabled: input.enabled },
      pageRequest(input),
    );
    return { skills: items, pagination: pageInfo(input, total) };
  },
});
