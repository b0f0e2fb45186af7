import * as z from 'zod';
import * as events from '../../domain/events/queries.ts';
import { EVENT_KINDS } from '../../domain/events/schema.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listEventTypes = defineOperation({
  name: 'list_event_types',
  title: 'List event types',
  description:
    'The distinct event names seen in the date range (default: the last 30 days) with their kind, count and when each ' +
    'last occurred, most frequent first. Use it to discover what query_events can filter on before guessing names.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ workspace: WorkspaceParam, ...DateRangeParams, kind: z.array(z.enum(EVENT_KINDS)).optional() }),
  output: z.object({
    event_types: z.array(z.object({ name: z.string(), kind: z.string(), count: z.number().int(), last_seen_at: z.string() })),
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/event-types' },
  examples: [{ summary: 'Which events exist in one workspace', input: { workspace: 'ws_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const types = await events.eventTypes(db, tenant, { start: range.start, end: range.end, kinds: input.kind });
    return { event_types: types, range: range.echo };
  },
});
