import * as z from 'zod';
import * as usage from '../../domain/usage/queries.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, previousRange, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

const Counts = z.object({
  conversations: z.number().int().describe('Conversations started in the period.'),
  conversations_with_visitor_interaction: z.number().int().describe('Conversations where the visitor wrote at least one message.'),
  escalated_conversations: z.number().int(),
  new_visitors: z.number().int().describe('Visitors first seen in the period.'),
  contacts_created: z.number().int(),
  tickets_opened: z.number().int(),
  appointments_booked: z.number().int(),
  calls: z.number().int(),
  journey_events: z
    .record(z.string(), z.number().int())
    .describe('Journey milestones by name: meeting_booked, escalation, buyer_intent, contact_created, identified, session_started.'),
});

const Change = z
  .record(z.string(), z.number().nullable())
  .describe('Percent change from the previous period per metric; null when the previous value was 0.');

export const getUsageSummary = defineOperation({
  name: 'get_usage_summary',
  title: 'Usage summary',
  description:
    'Aggregate activity for a date range with the previous period of equal length alongside, so "how did this week go?" ' +
    'takes one call: conversations (total, with visitor interaction, escalated), new visitors, contacts created, tickets, ' +
    'appointments, calls, and journey milestones (meetings booked, escalations, buyer intent, ...). ' +
    'Defaults to the last 30 days; for "this week" pass start_date as the Monday (YYYY-MM-DD). ' +
    'With several workspaces, totals are summed and also broken down per workspace. Use search_conversations to drill in.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ workspace: WorkspaceParam, ...DateRangeParams }),
  output: z.object({
    range: ResolvedRange,
    previous_range: ResolvedRange,
    current: Counts,
    previous: Counts,
    change_percent: Change,
    by_workspace: z.array(z.object({ workspace_id: z.string(), current: Counts, previous: Counts })).optional(),
  }),
  rest: { method: 'GET', path: '/usage-summary' },
  examples: [
    { summary: 'The last 30 days across every workspace', input: {} },
    { summary: 'One workspace since a date', input: { workspace: 'ws_01JD0000000000000000000000', start_date: '2026-11-01' } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const previous = previousRange(range);
    const perWorkspace = await usage.usageCounts(db, tenant, { previousStart: previous.start, currentStart: range.start, end: range.end });
    const totals = [...perWorkspace.values()].reduce((sum, w) => ({
      current: usage.addCounts(sum.current, w.current),
      previous: usage.addCounts(sum.previous, w.previous),
    }));
    return {
      range: range.echo,
      previous_range: previous.echo,
      current: totals.current,
      previous: totals.previous,
      change_percent: percentChange(totals.current, totals.previous),
      ...(tenant.workspaces.length > 1 && {
        by_workspace: [...perWorkspace].map(([workspace_id, counts]) => ({ workspace_id, ...counts })),
      }),
    };
  },
});

function percentChange(current: usage.PeriodCounts, previous: usage.PeriodCounts): Record<string, number | null> {
  const change: Record<string, number | null> = {};
  const pct = (c: number, p: number) => (p === 0 ? null : Math.round(((c - p) / p) * 1000) / 10);
  for (const [key, value] of Object.entries(current)) {
    if (typeof value === 'number') change[key] = pct(value, previous[key as keyof usage.PeriodCounts] as number);
  }
  for (const [name, value] of Object.entries(current.journey_events)) change[name] = pct(value, previous.journey_events[name] ?? 0);
  return change;
}
