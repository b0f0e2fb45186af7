import * as z from 'zod';
import * as calls from '../../domain/calls/queries.ts';
import { CALL_OUTCOMES, CallSummary } from '../../domain/calls/schema.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listCalls = defineOperation({
  name: 'list_calls',
  title: 'List phone calls',
  description:
    'Phone calls handled by the AI agents or the team, newest first, started within the date range (default: the last 30 ' +
    'days): direction, outcome (completed, missed, voicemail, failed), numbers, duration, the caller when known, and a ' +
    'summary. Filter by direction, outcome, agent or contact. get_call has the transcript and the recording.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...DateRangeParams,
    direction: z.enum(['inbound', 'outbound']).optional(),
    outcome: z.enum(CALL_OUTCOMES).optional(),
    agent_id: z.string().max(64).optional(),
    contact_id: z.string().max(64).optional(),
    ...PaginationParams,
  }),
  output: z.object({ calls: z.array(CallSummary), pagination: PageInfo, range: ResolvedRange }),
  rest: { method: 'GET', path: '/calls' },
  examples: [
    { summary: 'Recent calls', input: { per_page: 10 } },
    { summary: 'Missed inbound calls', input: { direction: 'inbound', outcome: 'missed' } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const { total, items } = await calls.listCalls(
      db,
      tenant,
      {
        start: range.start,
        end: range.end,
        direction: input.direction,
        outcome: input.outcome,
        agentId: input.agent_id,
        contactId: input.contact_id,
      },
      pageRequest(input),
    );
    return { calls: items, pagination: pageInfo(input, total), range: range.echo };
  },
});
