import * as z from 'zod';
import { CHANNELS } from '../../domain/analytics/channels.ts';
import * as analytics from '../../domain/analytics/sources.ts';
import { SOURCE_BREAKDOWNS } from '../../domain/analytics/sources.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const topSources = defineOperation({
  name: 'top_sources',
  title: 'Top traffic sources and channels',
  description:
    'Where traffic came from in a date range (default: the last 30 days): events and unique visitors (distinct over ' +
    'the whole range) per source, medium, source_medium, campaign or channel, largest first, with each share of all ' +
    "events. Channels follow GA4's default grouping (Paid Search, Organic Social, Email, Referral, Direct, ...); a " +
    'source_medium row says its channel and the rule that put it there. Paid vs organic comes from the medium ' +
    '(fbclid is on both). "Facebook social vs paid, last 7 days" is one call: source facebook, breakdown ' +
    'source_medium, start_date 6 days ago. Narrow to one event name (page_view) with event.',
  scope: 'read',
  scans: true,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    ...DateRangeParams,
    breakdown: z.enum(SOURCE_BREAKDOWNS).default('source'),
    source: z.string().trim().min(1).max(200).optional().describe('Only this source, any case, e.g. facebook.'),
    event: z.string().trim().min(1).max(100).optional().describe('Only events of this name, e.g. page_view.'),
    limit: z.number().int().min(1).max(100).default(10).describe('At most this many groups, largest first (1 to 100).'),
  }),
  output: z.object({
    rows: z.array(
      z.object({
        source: z.string().optional(),
        medium: z.string().optional(),
        campaign: z.string().optional(),
        channel: z.enum(CHANNELS).optional(),
        because: z.string().optional().describe('source_medium: the rule that put the pair in its channel.'),
        events: z.number().int(),
        uniques: z.number().int().describe('Distinct visitors.'),
        share: z.number().describe('Of all events in the range and filters, 0 to 1.'),
      }),
    ),
    totals: z.object({ events: z.number().int(), uniques: z.number().int() }),
    groups: z.number().int().describe('Groups in all; those past limit are left out.'),
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/sources' },
  examples: [
    { summary: 'Visits by channel', input: { breakdown: 'channel' } },
    { summary: 'Facebook social vs paid', input: { source: 'facebook', breakdown: 'source_medium' } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const { rows, groups, totals } = await analytics.topSources(
      db,
      tenant,
      { start: range.start, end: range.end, event: input.event, source: input.source },
      input.breakdown,
      input.limit,
    );
    const share = (events: number) => (totals.events === 0 ? 0 : Math.round((events / totals.events) * 10_000) / 10_000);
    return { rows: rows.map((row) => ({ ...row, share: share(row.events) })), totals, groups, range: range.echo };
  },
});
