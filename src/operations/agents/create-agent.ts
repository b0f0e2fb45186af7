import * as z from 'zod';
import * as agentCommands from '../../domain/agents/commands.ts';
import * as agents from '../../domain/agents/queries.ts';
import { AgentDetail } from '../../domain/agents/schema.ts';
import { defineOperation } from '../define.ts';
import { AgentFieldParams, refuseAgentNameTaken } from '../params/agent-fields.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';

export const createAgent = defineOperation({
  name: 'create_agent',
  title: 'Create an AI agent',
  description:
    'Adds an AI chat agent to a workspace; give it skills with create_skill. It starts paused unless status says ' +
    'active, so it answers nobody before it is ready. Refused when the workspace has an agent of that name.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; needed when this credential sees several.'),
    name: AgentFieldParams.name,
    description: AgentFieldParams.description.optional(),
    status: AgentFieldParams.status.default('paused'),
  }),
  output: z.object({ agent: AgentDetail }),
  rest: { method: 'POST', path: '/agents' },
  examples: [
    {
      summary: 'A paused agent for renewals',
      input: { workspace: 'ws_01JD0000000000000000000000', name: 'Remy (Renewals)', description: 'Reminds customers of renewals.' },
    },
  ],
  async run({ db, principal }, input) {
    const tenant = writeTenant(principal, input.workspace);
    const workspaceId = tenant.workspaceIds[0]!;
    await refuseAgentNameTaken(db, workspaceId, input.name);
    const id = await agentCommands.insertAgent(db, workspaceId, {
      name: input.name,
      description: input.description ?? null,
      status: input.status,
    });
    return { agent: (await agents.getAgent(db, tenant, id))! };
  },
  changes: ({ agent }) => [
    { workspaceId: agent.workspace_id, subject: { type: 'agent', id: agent.id }, event: 'agent.created', data: agent },
  ],
});
