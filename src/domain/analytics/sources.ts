import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { channelRuleSql, ruleAt, type Channel } from './channels.ts';
import { factsFor, type Signals, signalsOf } from './facts.ts';

export const SOURCE_BREAKDOWNS = ['source', 'medium', 'source_medium', 'campaign', 'channel'] as const;
export type SourceBreakdown = (typeof SOURCE_BREAKDOWNS)[number];

/** What is left when a field is empty. */
const NONE = `'(none)'`;

/** The signals as `combinations` names them, and as SQL over those columns (alias `c`). */
const SIGNAL_COLUMNS: Record<keyof Signals, string> = {
  source: 'source',
  medium: 'medium',
  campaign: 'campaign',
  referrerDomain: 'referrer_domain',
  gclid: 'gclid',
  msclkid: 'msclkid',
};
const COMBINATION_SIGNALS = Object.fromEntries(Object.entries(SIGNAL_COLUMNS).map(([name, column]) => [name, `c.${column}`])) as Signals;

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
  // The channel rules are a chain of pattern matches, too slow to run for every row: each combination of signals in
  // the window is classified once, with the visitors who had it. Its group is then a number (gid), so the visitors of
  // each group sort as pairs of numbers.
  const names = Object.keys(SIGNAL_COLUMNS) as Array<keyof Signals>;
  const signalList = names.map((name) => `${signals[name]} as ${SIGNAL_COLUMNS[name]}`).join(', ');
  const keys = Object.entries(keysOf(breakdown, COMBINATION_SIGNALS));
  const groupNames = keys.map(([name]) => name).join(', ');
  const paged = where.paged({ limit, offset: 0 });
  const rows = await db.query<
    Record<string, string | number> & { events: number; uniques: number; groups: number; total_events: number; total_uniques: number }
  >(
    `with combinations as (select ${signalList}, ${facts.count} as events, array_agg(${facts.visitor}) as visitors
         from ${facts.table} e ${where} group by ${names.map((_, i) => i + 1).join(', ')}),
       keyed as (select ${keys.map(([name, sql]) => `${sql} as ${name}`).join(', ')}, c.events, c.visitors from combinations c),
       numbered as materialized (select k.*, dense_rank() over (order by ${groupNames}) as gid from keyed k),
       groups as (select gid, ${groupNames}, sum(events) as events from numbered group by gid, ${groupNames}),
       visitors as materialized (select gid, visitor from numbered, unnest(visitors) as visitor),
       uniques as (select gid, count(distinct visitor) as uniques from visitors group by gid)
     select g.*, u.uniques, (select count(*) from groups) as groups, (select coalesce(sum(events), 0) from groups) as total_events,
       (select count(distinct visitor) from visitors) as total_uniques
     from groups g join uniques u using (gid)
     order by g.events desc, ${groupNames} ${paged.clause}`,
    paged.params,
  );
  const first = rows[0];
  return {
    rows: rows.map(
      ({ gid: _gid, groups: _groups, total_events: _events, total_uniques: _uniques, rule, ...row }) =>
        (rule === undefined ? row : { ...row, ...ruleAt(Number(rule)) }) as unknown as SourceRow,
    ),
    // No group means no event in the window.
    groups: first?.groups ?? 0,
    totals: { events: first?.total_events ?? 0, uniques: first?.total_uniques ?? 0 },
  };
}
