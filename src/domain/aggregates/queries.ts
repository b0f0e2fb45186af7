import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';

/**
 * What can be counted, and by what. Every expression is trusted SQL over the alias `x`; callers name them, never write
 * them. A workspace reads as its slug; agents and companies as their names where the row has one.
 */
export const AGGREGATE_SOURCES = {
  contacts: {
    from: 'contacts x',
    time: 'x.created_at',
    dimensions: {
      workspace: '(select w.slug from workspaces w where w.id = x.workspace_id)',
      company: 'x.company_name',
      agent: '(select a.name from agents a where a.id = x.agent_id)',
      title: 'x.title',
    },
    filters: {},
  },
  conversations: {
    from: 'conversations x',
    time: 'x.started_at',
    dimensions: {
      workspace: '(select w.slug from workspaces w where w.id = x.workspace_id)',
      agent: '(select a.name from agents a where a.id = x.agent_id)',
      channel: 'x.channel',
      status: 'x.status',
    },
    filters: { channel: 'x.channel', status: 'x.status' },
  },
  events: {
    from: 'events x',
    time: 'x.occurred_at',
    dimensions: {
      workspace: '(select w.slug from workspaces w where w.id = x.workspace_id)',
      name: 'x.name',
      kind: 'x.kind',
      source: 'x.source',
      medium: 'x.medium',
      campaign: 'x.campaign',
      path: 'x.path',
    },
    filters: { event_name: 'x.name' },
  },
} as const;

export type AggregateSource = keyof typeof AGGREGATE_SOURCES;
export type Interval = 'day' | 'week' | 'month';

const BUCKET_FORMAT: Record<Interval, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM' };

export interface AggregateSpec {
  source: AggregateSource;
  /** A dimension of the source, or a contact's custom attribute by name. */
  groupBy?: { dimension: string } | { attribute: string } | undefined;
  interval?: Interval | undefined;
  timeZone: string;
  start: Date;
  end: Date;
  /** Equality filters, by the names the source allows. */
  filters: Record<string, string>;
  /** The most frequent groups kept; the rest are counted together. */
  limit: number;
}

export interface AggregateRow {
  bucket: string | null;
  group: string | null;
  count: number;
}

/**
 * Counts rows of the tenant in the window, by group and time bucket (in the time zone), for the `limit` largest groups,
 * with the total and the number of groups there are.
 */
export async function aggregate(db: Queryable, tenant: Tenant, spec: AggregateSpec) {
  const source = AGGREGATE_SOURCES[spec.source];
  const where = new Conditions();
  where.add(`x.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`${source.time} >= ${where.param(spec.start)} and ${source.time} < ${where.param(spec.end)}`);
  const filterColumns: Record<string, string> = source.filters;
  for (const [name, value] of Object.entries(spec.filters)) where.add(`${filterColumns[name]} = ${where.param(value)}`);
  const groupBy = spec.groupBy;
  const dimensions: Record<string, string> = source.dimensions;
  const group = !groupBy
    ? 'null::text'
    : 'attribute' in groupBy
      ? `(x.attributes ->> ${where.param(groupBy.attribute)})`
      : dimensions[groupBy.dimension]!;
  const bucket = spec.interval
    ? `to_char(date_trunc('${spec.interval}', ${source.time} at time zone ${where.param(spec.timeZone)}), '${BUCKET_FORMAT[spec.interval]}')`
    : 'null::text';
  const base = `with base as (select ${group} as grp, ${bucket} as bucket from ${source.from} ${where})`;
  const [totals] = await db.query<{ total: number; groups: number }>(
    `${base} select count(*) as total, count(distinct grp) + (case when bool_or(grp is null) then 1 else 0 end) as groups from base`,
    where.params,
  );
  const limit = where.params.length + 1;
  const rows = await db.query<AggregateRow>(
    `${base}, top as (select grp from base group by grp order by count(*) desc, grp nulls last limit $${limit})
     select b.bucket, b.grp as "group", count(*) as count from base b where exists (select 1 from top t where t.grp is not distinct from b.grp)
     group by b.bucket, b.grp order by b.bucket nulls first, count(*) desc, b.grp nulls last`,
    [...where.params, spec.limit],
  );
  return { total: totals?.total ?? 0, groups: totals?.groups ?? 0, rows };
}
