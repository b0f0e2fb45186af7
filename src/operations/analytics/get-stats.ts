import * as z from 'zod';
import { INTERVALS, MAX_BUCKETS, timeBuckets } from '../../domain/analytics/buckets.ts';
import { DIMENSION_NAMES, type Dimension, eventStats, METRICS, SESSION_GAP_MINUTES } from '../../domain/analytics/stats.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

/** A model reads every number it is given: a grouped series stays within this many. */
const MAX_CELLS = 2000;
const FILTERS = ['source', 'medium', 'campaign', 'channel', 'path', 'referrer', 'country', 'device'] as const;
const CASE_FOLDED: readonly string[] = ['source', 'medium', 'campaign', 'referrer'];
const EventName = z.string().min(1).max(100);
const Filter = z.string().min(1).max(500).optional();

export const getStats = defineOperation({
  name: 'get_stats',
  title: 'Analytics stats',
  description:
    'One metric of the tracked events over a date range (default: the last 30 days), for the whole range, by group, ' +
    'and/or as a series by hour, day, week or month in the time zone with empty buckets as 0: "visitors by day this ' +
    'week", "sessions by channel", "bounce rate by landing source", "signup conversion by campaign". Metrics: count ' +
    '(events), uniques (distinct visitors over the range, bucket or group, never summed), sessions (a visit ends ' +
    `after ${SESSION_GAP_MINUTES} minutes without an event), pageviews, bounce_rate (sessions with one page view), ` +
    'conversion_rate (visitors who did conversion_event). Session metrics credit a visit to the source of its first ' +
    'event. Omit workspace to span every workspace; group_by workspace names them.',
  scope: 'read',
  scans: true,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    metric: z.enum(METRICS),
    ...DateRangeParams,
    group_by: z
      // Names checked by dimensionsOf, which says which are known when one is not (a union's own message does not).
      .union([z.array(z.string().max(40)).max(3), z.string().max(100)])
      .optional()
      .describe(`Up to 3 of ${DIMENSION_NAMES.join(', ')}; a list or "source,medium".`),
    interval: z.enum(INTERVALS).optional().describe('Adds a series: the metric per bucket.'),
    event: z
      .union([EventName, z.array(EventName).min(1).max(20)])
      .optional()
      .describe('Count only these events, e.g. "signup" (count and uniques).'),
    conversion_event: EventName.optional().describe('For conversion_rate: the event that counts as converting.'),
    source: Filter.describe('Narrowing filters, exact values: utm source as tracked, any case.'),
    medium: Filter,
    campaign: Filter,
    channel: Filter.describe('A default channel group: "Paid Social", "Organic Search", "Direct"...'),
    path: Filter.describe('A page path: /pricing.'),
    referrer: Filter.describe('A referring domain: news.ycombinator.com.'),
    country: Filter,
    device: Filter,
    limit: z.number().int().min(1).max(50).default(10).describe('The largest groups kept (default 10).'),
  }),
  output: z.object({
    metric: z.enum(METRICS),
    value: z.number().nullable().describe('For the whole range (rates: 0 to 1; null when nothing to divide by).'),
    buckets: z.array(z.string()).optional().describe('With interval: the buckets, in order.'),
    series: z.array(z.number().nullable()).optional().describe('With interval: the value in each bucket.'),
    groups: z
      .array(
        z.object({
          key: z.record(z.string(), z.string()),
          value: z.number().nullable(),
          series: z.array(z.number().nullable()).optional(),
        }),
      )
      .optional()
      .describe('With group_by: the largest groups first.'),
    groups_total: z.number().int().optional().describe('How many groups there are in all.'),
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/stats' },
  examples: [
    { summary: 'Visitors per day', input: { metric: 'uniques', interval: 'day', start_date: '2026-11-01', end_date: '2026-11-07' } },
    { summary: 'Sessions and bounce by channel', input: { metric: 'bounce_rate', group_by: ['channel'] } },
    { summary: 'Events by source and medium', input: { metric: 'count', group_by: 'source,medium', limit: 5 } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const groupBy = dimensionsOf(input.group_by);
    const events = typeof input.event === 'string' ? [input.event] : input.event;
    if (input.metric === 'conversion_rate' && input.conversion_event === undefined)
      throw invalidArgument('conversion_rate needs conversion_event: the event that counts as converting, e.g. "signup".');
    if (events && ['sessions', 'bounce_rate', 'conversion_rate'].includes(input.metric))
      throw invalidArgument(
        `${input.metric} is made of every event of a visit; event cannot narrow it.`,
        'Narrow by source, medium, campaign, channel, path, referrer, country or device instead.',
      );
    const buckets = input.interval && timeBuckets(range.start.getTime(), range.end.getTime(), input.interval, range.echo.timezone);
    if (input.interval && !buckets)
      throw invalidArgument(`More than ${MAX_BUCKETS} ${input.interval}s in the range.`, 'Use a longer interval or a shorter range.');
    const cells = (buckets?.length ?? 1) * (groupBy.length > 0 ? input.limit : 1);
    if (cells > MAX_CELLS)
      throw invalidArgument(
        `${buckets!.length} buckets for each of ${input.limit} groups is ${cells} values, more than ${MAX_CELLS}.`,
        'Lower limit, use a longer interval or a shorter range, or leave out interval to get each group once.',
      );
    // Sources, mediums, campaigns and referring domains are compared lower-cased, as they are grouped.
    const filters = Object.fromEntries(
      FILTERS.flatMap((name) => {
        const value = input[name];
        return value === undefined ? [] : [[name, CASE_FOLDED.includes(name) ? value.toLowerCase() : value]];
      }),
    );
    const stats = await eventStats(db, tenant, {
      metric: input.metric,
      start: range.start,
      end: range.end,
      groupBy,
      buckets,
      events,
      filters,
      conversionEvent: input.conversion_event,
      limit: input.limit,
    });
    return {
      metric: input.metric,
      value: stats.whole.value,
      ...(buckets && { buckets: buckets.map((b) => b.label), series: stats.whole.series }),
      ...(groupBy.length > 0 && {
        groups: stats.groups.map((group) => ({ ...group, key: group.key as Record<string, string> })),
        groups_total: stats.groupCount,
      }),
      range: range.echo,
    };
  },
});

/** Millimetric's name for a dimension ("project_id,source"). */
const DIMENSION_ALIASES: Readonly<Record<string, Dimension>> = { project_id: 'workspace' };
const ownDimensionName = (name: string): string => (Object.hasOwn(DIMENSION_ALIASES, name) ? DIMENSION_ALIASES[name]! : name);

/** group_by as a list, from a list or Millimetric's comma-separated text, each a known dimension, each once. */
function dimensionsOf(groupBy: readonly string[] | string | undefined): Dimension[] {
  if (groupBy === undefined) return [];
  const names = (typeof groupBy === 'string' ? groupBy.split(',') : groupBy).map((name) => ownDimensionName(name.trim()));
  const unknown = names.find((name) => !(DIMENSION_NAMES as readonly string[]).includes(name));
  if (unknown !== undefined) throw invalidArgument(`group_by: unknown dimension "${unknown}"; use ${DIMENSION_NAMES.join(', ')}.`);
  if (new Set(names).size !== names.length || names.length > 3) throw invalidArgument('group_by: up to 3 dimensions, each once.');
  return names as Dimension[];
}
