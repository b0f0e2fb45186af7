import * as z from 'zod';
import { eventStats, METRICS, type StatsSpec } from '../../domain/analytics/stats.ts';
import type { Tenant } from '../../domain/tenancy/tenant.ts';
import type { Queryable } from '../../db/database.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const compareWorkspaces = defineOperation({
  name: 'compare_workspaces',
  title: 'Compare workspaces',
  description:
    'Ranks every workspace this credential sees (or those named) by one metric over a date range (default: the last ' +
    '30 days), beside the same metric over the period just before it: "which site had the most visitors this week?". ' +
    'Metrics as in get_stats: count, uniques, sessions, pageviews, bounce_rate, conversion_rate (with ' +
    'conversion_event). Workspaces without events rank last with 0.',
  scope: 'read',
  scans: true,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    metric: z.enum(METRICS),
    ...DateRangeParams,
    conversion_event: z.string().min(1).max(100).optional().describe('For conversion_rate: the event that counts as converting.'),
    workspace: WorkspaceParam,
  }),
  output: z.object({
    metric: z.enum(METRICS),
    workspaces: z.array(
      z.object({
        rank: z.number().int(),
        id: z.string(),
        slug: z.string(),
        name: z.string(),
        value: z.number().nullable(),
        previous_value: z.number().nullable().describe('Over the period of the same length just before.'),
        change: z.number().nullable().describe('value / previous_value - 1; null when there is nothing to compare.'),
      }),
    ),
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/workspaces/compare' },
  examples: [
    { summary: 'Which site had the most visitors', input: { metric: 'uniques', start_date: '2026-11-01', end_date: '2026-11-07' } },
  ],
  async run({ db, principal }, input) {
    if (input.metric === 'conversion_rate' && input.conversion_event === undefined)
      throw invalidArgument('conversion_rate needs conversion_event: the event that counts as converting, e.g. "signup".');
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const length = range.end.getTime() - range.start.getTime();
    const spec = { metric: input.metric, conversionEvent: input.conversion_event };
    const [now, before] = await Promise.all([
      byWorkspace(db, tenant, { ...spec, start: range.start, end: range.end }),
      byWorkspace(db, tenant, { ...spec, start: new Date(range.start.getTime() - length), end: range.start }),
    ]);
    const empty = input.metric === 'bounce_rate' || input.metric === 'conversion_rate' ? null : 0;
    const rows = tenant.workspaces.map((workspace) => {
      const value = now.get(workspace.slug) ?? empty;
      const previous = before.get(workspace.slug) ?? empty;
      return {
        id: workspace.id,
        slug: workspace.slug,
        name: workspace.name,
        value,
        previous_value: previous,
        change: value === null || !previous ? null : Math.round((value / previous - 1) * 10_000) / 10_000,
      };
    });
    rows.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.slug.localeCompare(b.slug));
    return { metric: input.metric, workspaces: rows.map((row, i) => ({ rank: i + 1, ...row })), range: range.echo };
  },
});

/** The metric per workspace slug over a window. */
async function byWorkspace(
  db: Queryable,
  tenant: Tenant,
  spec: Pick<StatsSpec, 'metric' | 'conversionEvent' | 'start' | 'end'>,
): Promise<Map<string, number | null>> {
  const stats = await eventStats(db, tenant, { ...spec, groupBy: ['workspace'], filters: {}, limit: tenant.workspaces.length });
  return new Map(stats.groups.map((group) => [group.key.workspace!, group.value]));
}
