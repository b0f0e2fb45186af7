import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { channelRuleSql, ruleAt, type Channel } from './channels.ts';
import { BYTEWISE, EVENT_HOURS, factsFor, RAW_EVENTS, type Signals } from './facts.ts';

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

type GroupRow = Record<string, string | number> & {
  events: number;
  uniques: number;
  groups: number;
  total_events: number;
  total_uniques: number;
};

/**
 * Events and distinct visitors per source, medium, source/medium pair (with its channel and the rule that put it
 * there), campaign or channel, the largest `limit` groups first; with the totals of the whole window and how many
 * groups were left out. Uniques are distinct over the whole window, never summed from smaller ones.
 */
export async function topSources(db: Queryable, tenant: Tenant, filter: SourceFilter, breakdown: SourceBreakdown, limit: number) {
  const facts = factsFor([filter.start, filter.end], filter.event === undefined ? 'signals' : 'event', filter.raw);
  // The channel rules are a chain of pattern matches, too slow to run for every row: each combination of signals is
  // classified once and its group becomes a number (gid), so visitors are counted by numbers alone.
  const keys = Object.entries(keysOf(breakdown, COMBINATION_SIGNALS));
  const query = facts === EVENT_HOURS ? fromRollup : fromEvents;
  const rows = await query(db, tenant, filter, keys, limit);
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

type GroupKeys = Array<[name: string, sql: string]>;

/**
 * The groups from the raw events: each combination of signals in the window with its events and the visitors who had
 * it, then per group the distinct visitors among its combinations'.
 */
function fromEvents(db: Queryable, tenant: Tenant, filter: SourceFilter, keys: GroupKeys, limit: number): Promise<GroupRow[]> {
  const signals = RAW_EVENTS.signals;
  const where = new Conditions();
  where.add(`e.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`e.occurred_at >= ${where.param(filter.start)} and e.occurred_at < ${where.param(filter.end)}`);
  where.addIf(filter.event, (p) => `e.name = ${p}`);
  where.addIf(filter.source?.toLowerCase(), (p) => `${signals.source} = ${p}`);
  const names = Object.keys(SIGNAL_COLUMNS) as Array<keyof Signals>;
  const signalList = names.map((name) => `${signals[name]} as ${SIGNAL_COLUMNS[name]}`).join(', ');
  const groupNames = keys.map(([name]) => name).join(', ');
  const paged = where.paged({ limit, offset: 0 });
  return db.query<GroupRow>(
    `with combinations as (select ${signalList}, count(*) as events, array_agg(e.visitor_id ${BYTEWISE}) as visitors
         from events e ${where} group by ${names.map((_, i) => i + 1).join(', ')}),
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
}

/**
 * The groups from the hourly rollup in one pass over the window's rows: every combination of signals the workspaces
 * have stored (migration 018) is classified first, and its group numbered as a bit of a 63-bit word; each visitor's
 * groups are then one bit mask per word (a visitor has a handful), the few distinct masks count the visitors of every
 * group, and the same pass sums the events of each combination. Where every group fits one word, a visitor is one
 * row, so the masks' counts add up to the window's visitors.
 */
function fromRollup(db: Queryable, tenant: Tenant, filter: SourceFilter, keys: GroupKeys, limit: number): Promise<GroupRow[]> {
  const where = new Conditions();
  const workspaces = where.param(tenant.workspaceIds);
  where.add(`e.workspace_id = any(${workspaces})`);
  where.add(`e.hour >= ${where.param(filter.start)} and e.hour < ${where.param(filter.end)}`);
  const source = filter.source === undefined ? '' : `and c.source = ${where.param(filter.source.toLowerCase())}`;
  const groupNames = keys.map(([name]) => name).join(', ');
  const paged = where.paged({ limit, offset: 0 });
  return db.query<GroupRow>(
    `with keyed as (select c.id as signals_id, ${keys.map(([name, sql]) => `${sql} as ${name}`).join(', ')}
         from traffic_signals c where c.workspace_id = any(${workspaces}) ${source}),
       numbered as materialized (select k.*, dense_rank() over (order by ${groupNames}) as gid from keyed k),
       bits as materialized (select signals_id, gid, (gid - 1) / 63 as word, 1::bigint << ((gid - 1) % 63)::integer as bit from numbered),
       scanned as materialized (select e.visitor_number, b.word, e.signals_id, bit_or(b.bit) as mask, sum(e.events) as events,
           grouping(e.signals_id) = 1 as per_visitor
         from event_hours e join bits b using (signals_id) ${where}
         group by grouping sets ((e.visitor_number, b.word), (e.signals_id))),
       masks as (select word, mask, count(*) as visitors from scanned where per_visitor and visitor_number is not null group by 1, 2),
       groups as (select n.gid, ${keys.map(([name]) => `n.${name}`).join(', ')}, sum(s.events) as events
         from scanned s join numbered n using (signals_id) where not s.per_visitor group by 1, ${keys.map((_, i) => i + 2).join(', ')}),
       uniques as (select b.gid, sum(m.visitors) as uniques
         from (select distinct gid, word, bit from bits) b join masks m on m.word = b.word and m.mask & b.bit <> 0 group by 1)
     select g.*, coalesce(u.uniques, 0) as uniques, (select count(*) from groups) as groups,
       (select coalesce(sum(events), 0) from groups) as total_events,
       case when (select max(word) from bits) = 0 then (select coalesce(sum(visitors), 0) from masks)
         else (select count(distinct visitor_number) from scanned where per_visitor) end as total_uniques
     from groups g left join uniques u using (gid)
     order by g.events desc, ${groupNames} ${paged.clause}`,
    paged.params,
  );
}
