import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { channelRuleSql, ruleAt, type Channel } from './channels.ts';

export const SOURCE_BREAKDOWNS = ['source', 'medium', 'source_medium', 'campaign', 'channel'] as const;
export type SourceBreakdown = (typeof SOURCE_BREAKDOWNS)[number];

/** How events (alias `e`) say where their visit came from: lower-cased, the referrer reduced to its host without `www.`. */
export const SIGNALS = {
  source: 'lower(e.source)',
  medium: 'lower(e.medium)',
  campaign: 'lower(e.campaign)',
  referrerDomain: `lower(substring(e.referrer from '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)'))`,
  gclid: `e.properties ->> 'gclid' is not null`,
  msclkid: `e.properties ->> 'msclkid' is not null`,
};
/** What is left when a field is empty. */
const NONE = `'(none)'`;

/** The columns each breakdown groups by. */
const KEYS: Record<SourceBreakdown, Record<string, string>> = {
  source: { source: `coalesce(${SIGNALS.source}, ${NONE})` },
  medium: { medium: `coalesce(${SIGNALS.medium}, ${NONE})` },
  campaign: { campaign: `coalesce(${SIGNALS.campaign}, ${NONE})` },
  source_medium: {
    source: `coalesce(${SIGNALS.source}, ${NONE})`,
    medium: `coalesce(${SIGNALS.medium}, ${NONE})`,
    rule: channelRuleSql(SIGNALS),
  },
  channel: { channel: channelRuleSql(SIGNALS, 'channel') },
};

export interface SourceFilter {
  start: Date;
  end: Date;
  event?: string | undefined;
  source?: string | undefined;
}

export interface SourceRow {
  source?: string;
  medium?: string;
  campaign?: string;
  channel?: Channel;
  /** source_medium: why the pair is in its channel. */
  because?: string;
  events: number;
  uniques: number;
}

/**
 * Events and distinct visitors per source, medium, source/medium pair (with its channel and the rule that put it
 * there), campaign or channel, the largest `limit` groups first; with the totals of the whole window and how many
 * groups were left out. Uniques are distinct over the whole window, never summed from smaller ones.
 */
export async function topSources(db: Queryable, tenant: Tenant, filter: SourceFilter, breakdown: SourceBreakdown, limit: number) {
  const where = new Conditions();
  where.add(`e.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`e.occurred_at >= ${where.param(filter.start)} and e.occurred_at < ${where.param(filter.end)}`);
  where.addIf(filter.event, (p) => `e.name = ${p}`);
  where.addIf(filter.source?.toLowerCase(), (p) => `${SIGNALS.source} = ${p}`);
  const keys = Object.entries(KEYS[breakdown]);
  const columns = keys.map(([name, sql]) => `${sql} as ${name}`).join(', ');
  const names = keys.map(([name]) => name).join(', ');
  const paged = where.paged({ limit, offset: 0 });
  // One scan of the events: `hits` is read three times, so PostgreSQL keeps it rather than scanning again.
  const rows = await db.query<
    Record<string, string | number> & { events: number; uniques: number; groups: number; total_events: number; total_uniques: number }
  >(
    `with hits as (select ${columns}, e.visitor_id from events e ${where}),
       groups as (select ${names}, count(*) as events, count(distinct visitor_id) as uniques from hits group by ${names})
     select g.*, (select count(*) from groups) as groups,
       (select count(*) from hits) as total_events, (select count(distinct visitor_id) from hits) as total_uniques
     from groups g
     order by g.events desc, ${names} ${paged.clause}`,
    paged.params,
  );
  const first = rows[0];
  return {
    rows: rows.map(
      ({ groups: _groups, total_events: _events, total_uniques: _uniques, rule, ...row }) =>
        (rule === undefined ? row : { ...row, ...ruleAt(Number(rule)) }) as unknown as SourceRow,
    ),
    // No group means no event in the window.
    groups: first?.groups ?? 0,
    totals: { events: first?.total_events ?? 0, uniques: first?.total_uniques ?? 0 },
  };
}
