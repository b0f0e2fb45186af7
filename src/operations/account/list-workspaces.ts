import * as z from 'zod';
import * as tenancy from '../../domain/tenancy/queries.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';

export const listWorkspaces = defineOperation({
  name: 'list_workspaces',
  title: 'List workspaces',
  description:
    'Lists the workspaces (projects/sites) this credential may read, with their time zone and AI agents. ' +
    "Dates in other tools default to a workspace's own time zone.",
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({}),
  output: z.object({
    workspaces: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        name: z.string(),
        timezone: z.string(),
        created_at: z.string(),
        agents: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), status: z.string() })),
      }),
    ),
  }),
  rest: { method: 'GET', path: '/workspaces' },
  examples: [{ summary: 'Every workspace with its agents', input: {} }],
  async run({ db, principal }) {
    const tenant = tenantOf(principal);
    const [workspaces, agents] = [await tenancy.listWorkspaces(db, tenant), await tenancy.listAgents(db, tenant)];
    return {
      workspaces: workspaces.map((w) => ({
        id: w.id,
        slug: w.slug,
        name: w.name,
        timezone: w.timezone,
        created_at: w.created_at,
        agents: agents
          .filter((a) => a.workspace_id === w.id)
          .map(({ id, name, description, status }) => ({ id, name, description, status })),
      })),
    };
  },
});
