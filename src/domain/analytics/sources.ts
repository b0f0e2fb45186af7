import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { channelRuleSql, ruleAt, type Channel } from './channels.ts';
import { factsFor, type Signals, signalsOf } from './facts.ts';

export const SOURCE_BREAKDOWNS = ['source', 'medium', 'source_medium', 'campaign', 'channel'] as const;
export type SourceBreakdown = (typeof SOURCE_BREAKDOWNS)[number];

/** What is left when a field is empty. */
const NONE = `'(none)'`;

/** The columns a breakdown groups by, over the facts' signals. */
function keysOf(breakdown: SourceBreakdown, signals: Signals): Record<string, string> {
  switch (breakdown) {
    case 'source':
      return { source: `coalesce(${signals.source}, ${NONE})` };
    case 'medium':
      return { medium: `coalesce(${signals.medium}, ${NONE})` };
    case 'campaign':
      return { campaign: `coalesce(${signals.campaign}, ${NONE})` };
    case 'source_medium':
      return {
        source: `coalesce(${signals.source}, ${NONE})`,
        medium: `coalesce(${signals.medium}, ${NONE})`,
        rule: channelRuleSql(signals),
      };
    case 'channel':
      return { channel: channelRuleSql(signals, 'channel') };
  }
}

export interface SourceFilter {
  start: Date;
  end: Date;
  event?: string | undefined;
  source?: string | undefined;
  /** Read the raw events even where the hourly rollup could answer (for the test that compares the two). */
  raw?: boolean;
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
  const facts = factsFor([filter.start, filter.end], filter.event === undefined ? 'signals' : 'event', filter.raw);
  const signals = signalsOf(facts);
  const where = new Conditions();
  where.add(`e.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`${facts.time} >= ${where.param(filter.start)} and ${facts.time} < ${where.param(filter.end)}`);
  where.addIf(filter.event, (p) => `e.name = ${p}`);
  where.addIf(filter.source?.toLowerCase(), (p) => `${signals.source} = ${p}`);
  const keys = Object.entries(keysOf(breakdown, signals));
  const columns = keys.map(([name, sql]) => `${sql} as ${name}`).join(', ');
  const names = keys.map(([name]) => name).join(', ');
  const paged = where.paged({ limit, offset: 0 });
  // One scan of the events: `hits` is read three times, so PostgreSQL keeps it rather than scanning again.
  const rows = await db.query<
    Record<string, string | number> & { events: number; uniques: number; groups: number; total_events: number; total_uniques: number }
  >(
    `with hits as (select ${columns}, ${facts.measures} from ${facts.table} e ${where}),
       groups as (select ${names}, ${facts.count} as events, count(distinct e.visitor_id) as uniques from hits e group by ${names})
     select g.*, (select count(*) from groups) as groups,
       (select ${facts.count} from hits e) as total_events, (select count(distinct visitor_id) from hits) as total_uniques
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
