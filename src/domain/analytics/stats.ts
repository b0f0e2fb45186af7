import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { Bucket } from './buckets.ts';
import { channelRuleSql } from './channels.ts';
import { BYTEWISE, type Facts, factsFor, signalsOf } from './facts.ts';

export const METRICS = ['count', 'uniques', 'sessions', 'pageviews', 'bounce_rate', 'conversion_rate'] as const;
export type Metric = (typeof METRICS)[number];

/** A visit ends after this long without an event (Google Analytics' and Plausible's default). */
export const SESSION_GAP_MINUTES = 30;

const NONE = `'(none)'`;

/** What a result can be grouped or filtered by. */
export const DIMENSION_NAMES = [
  'event',
  'path',
  'source',
  'medium',
  'campaign',
  'channel',
  'referrer',
  'country',
  'device',
  'workspace',
] as const;
export type Dimension = (typeof DIMENSION_NAMES)[number];
/** Dimensions only single events have: neither rollup keeps them. */
const EVENT_DIMENSIONS: readonly Dimension[] = ['event', 'path'];
/** Where a visit came from: the visitor-hour rollup drops them. */
const SIGNAL_DIMENSIONS: readonly Dimension[] = ['source', 'medium', 'campaign', 'channel', 'referrer'];

/**
 * A dimension as SQL over `e` (the facts, or for session metrics the events with their session's attribution) and `v`
 * (their visitor). Trusted: callers name dimensions, never write them.
 */
function dimensionSql(dimension: Dimension, facts: Facts): string {
  switch (dimension) {
    case 'event':
      return 'e.name';
    case 'path':
      return `coalesce(e.path, ${NONE})`;
    case 'source':
    case 'medium':
    case 'campaign':
      return `coalesce(${signalsOf(facts)[dimension]}, ${NONE})`;
    case 'referrer':
      return `coalesce(${signalsOf(facts).referrerDomain}, ${NONE})`;
    case 'channel':
      return channelRuleSql(signalsOf(facts), 'channel');
    case 'country':
    case 'device':
      return `coalesce(v.${dimension}, ${NONE})`;
    case 'workspace':
      return '(select w.slug from workspaces w where w.id = e.workspace_id)';
  }
}

/** Where a visit came from: for session metrics, these are the session's first event's, for every event of it. */
const ATTRIBUTION = ['source', 'medium', 'campaign', 'referrer', 'properties'] as const;

function metricSql(metric: Metric, facts: Facts): string {
  switch (metric) {
    case 'count':
      return facts.count;
    case 'pageviews':
      return facts.pageviews;
    case 'uniques':
      return `count(distinct ${facts.visitor})`;
    case 'sessions':
      return `count(distinct e.session ${BYTEWISE})`;
    case 'bounce_rate':
      // Of the sessions with a page view, those with exactly one.
      return `count(distinct e.session ${BYTEWISE}) filter (where e.session_pageviews = 1)::float8 / nullif(count(distinct e.session ${BYTEWISE}) filter (where e.session_pageviews > 0), 0)`;
    case 'conversion_rate':
      // Of the visitors, those who did the conversion event in the window.
      return `count(distinct ${facts.visitor}) filter (where e.converted)::float8 / nullif(count(distinct ${facts.visitor}), 0)`;
  }
}

const SESSION_METRICS: readonly Metric[] = ['sessions', 'bounce_rate'];

export interface StatsSpec {
  metric: Metric;
  start: Date;
  end: Date;
  groupBy: readonly Dimension[];
  /** The series' buckets, when asked for one. */
  buckets?: readonly Bucket[] | undefined;
  /** Only these events count (not for session metrics, which are made of every event of a visit). */
  events?: readonly string[] | undefined;
  /** Equality filters on dimensions, e.g. { source: 'google', path: '/pricing' }. */
  filters: Partial<Record<Dimension, string>>;
  conversionEvent?: string | undefined;
  /** The largest groups kept. */
  limit: number;
  /** Read the raw events even where the hourly rollup could answer (for the test that compares the two). */
  raw?: boolean;
}

export interface StatsRow {
  /** The group's dimension values; empty for the whole window. */
  key: Partial<Record<Dimension, string>>;
  value: number | null;
  /** Per bucket, in order, when a series was asked for. */
  series?: (number | null)[];
}

/**
 * One metric over a window: its value for the whole window and, when grouped, for each of the `limit` largest groups
 * (with how many groups there are); with buckets, a series of every bucket, empty ones as 0. Distinct counts are
 * distinct over the window, group or bucket they are given for, never sums of smaller ones.
 */
export async function eventStats(db: Queryable, tenant: Tenant, spec: StatsSpec) {
  const sessions = SESSION_METRICS.includes(spec.metric);
  const dimensionsUsed = [...spec.groupBy, ...(Object.keys(spec.filters) as Dimension[])];
  const needsEvents =
    sessions || spec.metric === 'conversion_rate' || spec.events !== undefined || dimensionsUsed.some((d) => EVENT_DIMENSIONS.includes(d));
  const needed = needsEvents ? 'event' : dimensionsUsed.some((d) => SIGNAL_DIMENSIONS.includes(d)) ? 'signals' : 'visitor';
  const bounds = [spec.start, spec.end, ...(spec.buckets ?? []).map((bucket) => new Date(bucket.start))];
  const source = factsFor(bounds, needed, spec.raw);
  const where = new Conditions();
  where.add(`e.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`${source.time} >= ${where.param(spec.start)} and ${source.time} < ${where.param(spec.end)}`);
  where.addIf(spec.events?.length ? spec.events : undefined, (p) => `e.name = any(${p})`);
  const needsVisitor = dimensionsUsed.some((d) => d === 'country' || d === 'device');
  const facts = sessions ? sessionFacts(where) : `select e.* from ${source.table} e ${where}`;
  const conversion =
    spec.metric === 'conversion_rate'
      ? `, bool_or(f.name = ${where.param(spec.conversionEvent)}) over (partition by coalesce(f.visitor_id, f.id)) as converted`
      : '';
  const filters = Object.entries(spec.filters).map(
    ([dimension, value]) => `${dimensionSql(dimension as Dimension, source)} = ${where.param(value)}`,
  );
  const keyNames = spec.groupBy.map((_, i) => `k${i}`);
  const grouped = [...keyNames, ...(spec.buckets ? ['b'] : [])];
  const columns = [
    ...spec.groupBy.map((dimension, i) => `${dimensionSql(dimension, source)} as k${i}`),
    ...(spec.buckets
      ? [`width_bucket(${source.time}, ${where.param(spec.buckets.map((b) => new Date(b.start)))}::timestamptz[]) as b`]
      : []),
    'e.*',
  ];
  // Each row of the result is one grouping set: a group in a bucket, a group, or the whole window. grouping() gives
  // one bit per column left out (the first column the highest), so those are 0, 1 (0 without buckets) and all ones;
  // with groups and buckets, the whole window's series is the set of the bucket alone, all ones but the last bit.
  const sets = [
    ...(spec.buckets ? [grouped] : []),
    ...(keyNames.length > 0 ? [keyNames] : []),
    ...(spec.buckets && keyNames.length > 0 ? [['b']] : []),
    [],
  ];
  const groupBits = spec.buckets ? 1 : 0;
  const wholeBits = (1 << grouped.length) - 1;
  const keyList = keyNames.map((k) => `r.${k}`).join(', ');
  const rows = await db.query<{ bits: number; b: number | null; value: number | null; groups: number } & Record<string, string | null>>(
    `with facts as (select f.*${conversion} from (${facts}) f),
       keyed as (select ${columns.join(', ')} from facts e ${needsVisitor ? `left join visitors v on ${source.visitorJoin}` : ''}
         ${filters.length > 0 ? `where ${filters.join(' and ')}` : ''}),
       result as (select ${grouped.map((c) => `e.${c}, `).join('')}${grouped.length > 0 ? `grouping(${grouped.join(', ')})` : '0'} as bits,
           ${metricSql(spec.metric, source)} as value
         from keyed e group by grouping sets (${sets.map((set) => `(${set.join(', ')})`).join(', ')}))
     ${
       keyNames.length === 0
         ? 'select r.*, 0 as groups from result r'
         : `, top as (select ${keyList} from result r where r.bits = ${groupBits} order by r.value desc nulls last, ${keyList} limit ${where.param(spec.limit)})
     select r.*, (select count(*) from result g where g.bits = ${groupBits}) as groups from result r
     where r.bits in (${[wholeBits, ...(spec.buckets ? [wholeBits - 1] : [])].join(', ')}) or (${keyList}) in (select ${keyNames.join(', ')} from top)`
     }`,
    where.params,
  );
  return shape(rows, spec);
}

/**
 * The window's events as visits: a visitor's events split where SESSION_GAP_MINUTES pass without one, each event
 * carrying its session, its session's page views, and its session's first event's attribution.
 */
function sessionFacts(where: Conditions): string {
  const first = ATTRIBUTION.map((column) => `first_value(s.${column}) over visit as ${column}`).join(', ');
  const kept = 'id, workspace_id, visitor_id, name, path, occurred_at';
  return `select s.id, s.workspace_id, s.visitor_id, s.name, s.path, s.occurred_at, s.session, ${first},
      count(*) filter (where s.name = 'page_view') over (partition by s.session) as session_pageviews
    from (
      select t.*, t.who || ':' || sum(t.starts) over (partition by t.who order by t.occurred_at, t.id) as session
      from (
        select e.${kept.split(', ').join(', e.')}, ${ATTRIBUTION.map((c) => `e.${c}`).join(', ')}, coalesce(e.visitor_id, e.id) as who,
          case when e.occurred_at - lag(e.occurred_at) over (partition by coalesce(e.visitor_id, e.id) order by e.occurred_at, e.id)
            <= interval '${SESSION_GAP_MINUTES} minutes' then 0 else 1 end as starts
        from events e ${where}
      ) t
    ) s
    window visit as (partition by s.session order by s.occurred_at, s.id)`;
}

function shape(
  rows: ReadonlyArray<{ bits: number; b: number | null; value: number | null; groups: number } & Record<string, string | null>>,
  spec: StatsSpec,
) {
  const width = spec.groupBy.length + (spec.buckets ? 1 : 0);
  const keyOf = (row: Record<string, string | null>) =>
    Object.fromEntries(spec.groupBy.map((dimension, i) => [dimension, row[`k${i}`] ?? '(none)'])) as Partial<Record<Dimension, string>>;
  const id = (key: Partial<Record<Dimension, string>>) => JSON.stringify(spec.groupBy.map((d) => key[d]));
  // Counts are whole; rates keep four decimals.
  const value = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10_000) / 10_000);
  const total = rows.find((row) => row.bits === (1 << width) - 1);
  const emptyValue = spec.metric === 'bounce_rate' || spec.metric === 'conversion_rate' ? null : 0;
  const emptySeries = () => (spec.buckets ? spec.buckets.map(() => emptyValue) : undefined);
  const whole: StatsRow = { key: {}, value: total ? value(total.value) : emptyValue, ...(spec.buckets && { series: emptySeries() }) };
  const groups = new Map<string, StatsRow>();
  for (const row of rows.filter((r) => spec.groupBy.length > 0 && r.bits === (spec.buckets ? 1 : 0))) {
    const key = keyOf(row);
    groups.set(id(key), { key, value: value(row.value), ...(spec.buckets && { series: emptySeries() }) });
  }
  if (spec.buckets) {
    const wholeSeries = spec.groupBy.length === 0 ? 0 : (1 << width) - 2;
    for (const row of rows.filter((r) => r.bits === 0 || r.bits === wholeSeries)) {
      const target = row.bits === wholeSeries ? whole : groups.get(id(keyOf(row)));
      if (target?.series && row.b !== null) target.series[row.b - 1] = value(row.value);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || id(a.key).localeCompare(id(b.key)));
  return { whole, groups: ordered, groupCount: Number(rows[0]?.groups ?? 0) };
}
