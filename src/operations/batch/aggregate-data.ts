import * as z from 'zod';
import { aggregate, AGGREGATE_SOURCES, type AggregateSource } from '../../domain/aggregates/queries.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

const MAX_GROUPS = 50;
/** Buckets times groups: enough for a daily series of ten groups over a month, or weekly over a year. */
const MAX_CELLS = 600;
const ATTRIBUTE = /^attribute:([a-z][a-z0-9_]{0,63})$/;

const dimensionList = (Object.keys(AGGREGATE_SOURCES) as AggregateSource[])
  .map(
    (source) =>
      `${source}: ${Object.keys(AGGREGATE_SOURCES[source].dimensions).join(', ')}${source === 'contacts' ? ', attribute:<name>' : ''}`,
  )
  .join('; ');

export const aggregateData = defineOperation({
  name: 'aggregate_data',
  title: 'Count by group and time',
  description:
    'Counts contacts (by created time), conversations (by start) or events (by occurrence) in a date range (default: the ' +
    'last 30 days), grouped by a dimension and/or a time bucket (day, week from Monday, month, in the workspace time ' +
    `zone), server-side: use it instead of paging to count. Dimensions: ${dimensionList}. Keeps the \`limit\` largest ` +
    'groups (others_count has the rest) and echoes the window. Filter conversations by channel or status, events by ' +
    'event_name (e.g. source events, event_name "page_view", group_by "source").',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    source: z.enum(Object.keys(AGGREGATE_SOURCES) as [AggregateSource, ...AggregateSource[]]),
    group_by: z.string().min(1).max(80).optional().describe('A dimension of the source (see the description). Omit for totals over time.'),
    interval: z.enum(['day', 'week', 'month']).optional().describe('Also split the counts by this time bucket.'),
    workspace: WorkspaceParam,
    ...DateRangeParams,
    channel: z.string().max(32).optional().describe('conversations only.'),
    status: z.enum(['open', 'closed', 'escalated']).optional().describe('conversations only.'),
    event_name: z.string().min(1).max(100).optional().describe('events only.'),
    limit: z.number().int().min(1).max(MAX_GROUPS).default(10).describe(`The largest groups kept, 1 to ${MAX_GROUPS}. Default 10.`),
  }),
  output: z.object({
    source: z.string(),
    group_by: z.string().nullable(),
    interval: z.string().nullable(),
    rows: z.array(
      z.object({
        bucket: z.string().optional().describe('The bucket start: YYYY-MM-DD (day, week) or YYYY-MM (month).'),
        group: z.string().nullable().optional().describe('The group; null for rows without a value.'),
        count: z.number().int(),
      }),
    ),
    total: z.number().int().describe('Everything counted, in all groups.'),
    groups_total: z.number().int().describe('How many groups there are; only the `limit` largest have rows.'),
    others_count: z.number().int().describe('Counted in the groups left out.'),
    range: ResolvedRange,
  }),
  rest: { method: 'GET', path: '/aggregates' },
  examples: [
    { summary: 'Conversations per channel, by week', input: { source: 'conversations', group_by: 'channel', interval: 'week' } },
    { summary: 'Where page views came from', input: { source: 'events', event_name: 'page_view', group_by: 'source' } },
    { summary: 'Contacts by lifecycle stage', input: { source: 'contacts', group_by: 'attribute:lifecycle_stage' } },
  ],
  async run({ db, principal }, input) {
    const source = AGGREGATE_SOURCES[input.source];
    const filters = Object.fromEntries(
      (['channel', 'status', 'event_name'] as const).flatMap((name) => (input[name] === undefined ? [] : [[name, input[name]!]])),
    );
    for (const name of Object.keys(filters))
      if (!Object.hasOwn(source.filters, name)) throw invalidArgument(`${name} does not filter ${input.source}.`);
    const groupBy = input.group_by === undefined ? undefined : dimension(input.source, input.group_by);
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const buckets = input.interval ? bucketCount(range.start, range.end, input.interval) : 1;
    if (buckets * (groupBy ? input.limit : 1) > MAX_CELLS)
      throw invalidArgument(
        `That is up to ${buckets} ${input.interval} buckets for ${input.limit} groups, more than the ${MAX_CELLS} rows one answer carries.`,
        'Use a longer interval, a shorter range or a lower limit.',
      );
    const result = await aggregate(db, tenant, {
      source: input.source,
      groupBy,
      interval: input.interval,
      timeZone: range.echo.timezone,
      start: range.start,
      end: range.end,
      filters,
      limit: groupBy ? input.limit : 1,
    });
    const counted = result.rows.reduce((sum, row) => sum + row.count, 0);
    return {
      source: input.source,
      group_by: input.group_by ?? null,
      interval: input.interval ?? null,
      rows: result.rows.map((row) => ({
        ...(input.interval ? { bucket: row.bucket! } : {}),
        ...(groupBy ? { group: row.group } : {}),
        count: row.count,
      })),
      total: result.total,
      groups_total: groupBy ? result.groups : result.total > 0 ? 1 : 0,
      others_count: result.total - counted,
      range: range.echo,
    };
  },
});

function dimension(source: AggregateSource, name: string): { dimension: string } | { attribute: string } {
  const attribute = ATTRIBUTE.exec(name)?.[1];
  if (attribute !== undefined && source === 'contacts') return { attribute };
  if (Object.hasOwn(AGGREGATE_SOURCES[source].dimensions, name)) return { dimension: name };
  throw invalidArgument(
    `${source} cannot be grouped by "${name}".`,
    `Group ${source} by ${Object.keys(AGGREGATE_SOURCES[source].dimensions).join(', ')}${source === 'contacts' ? ', or attribute:<name> (list_custom_attributes)' : ''}.`,
  );
}

/** At most how many buckets of an interval a window touches. */
function bucketCount(start: Date, end: Date, interval: 'day' | 'week' | 'month'): number {
  const days = Math.ceil((end.getTime() - start.getTime()) / 86_400_000);
  return interval === 'day' ? days + 1 : interval === 'week' ? Math.ceil(days / 7) + 1 : Math.ceil(days / 28) + 1;
}
