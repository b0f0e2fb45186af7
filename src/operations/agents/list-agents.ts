import * as z from 'zod';
import * as agents from '../../domain/agents/queries.ts';
import { Agent, AGENT_STATUSES } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listAgents = defineOperation({
  name: 'list_agents',
  title: 'List AI agents',
  description:
    'The AI chat agents (chatbots) of the workspaces, by name, with their status, the names of their enabled skills and ' +
    'how many open conversations each owns. Filter by workspace and status. get_agent has settings and every skill.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ workspace: WorkspaceParam, status: z.enum(AGENT_STATUSES).optional(), ...PaginationParams }),
  output: z.object({ agents: z.array(Agent), pagination: PageInfo }),
  rest: { method: 'GET', path: '/agents' },
  examples: [{ summary: 'The active agents', input: { status: 'active' } }],
  async run({ db, principal }, input) {
    const { total, items } = await agents.listAgents(
      db,
      tenantFor(principal, input.workspace),
      { status: input.status },
      pageRequest(input),
    );
    return { agents: items, pagination: pageInfo(input, total) };
  },
});
