import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { channelRuleSql } from './channels.ts';
import { type FunnelOrder, type Progress, progressOf, type UnitEvent } from './funnel.ts';
import { SESSION_GAP_MINUTES } from './stats.ts';
import { BYTEWISE, RAW_EVENTS } from './facts.ts';

export const FUNNEL_UNITS = ['visitor', 'contact', 'session'] as const;
export type FunnelUnit = (typeof FUNNEL_UNITS)[number];
export const FUNNEL_BREAKDOWNS = ['source', 'medium', 'channel'] as const;
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number];

/** A funnel reads at most this many events: beyond it the answer would come too late to be of use. */
export const MAX_FUNNEL_EVENTS = 2_000_000;

export interface FunnelStepSpec {
  event: string;
  path?: string | undefined;
  /** Property values the event must have. */
  properties?: Record<string, string | number | boolean> | undefined;
}

export interface FunnelSpec {
  steps: readonly FunnelStepSpec[];
  order: FunnelOrder;
  windowMs: number;
  unit: FunnelUnit;
  breakdown?: FunnelBreakdown | undefined;
  start: Date;
  end: Date;
}

const SIGNALS = RAW_EVENTS.signals;
const BREAKDOWN_SQL: Record<FunnelBreakdown, string> = {
  source: `coalesce(${SIGNALS.source}, '(none)')`,
  medium: `coalesce(${SIGNALS.medium}, '(none)')`,
  channel: channelRuleSql(SIGNALS, 'channel'),
};

export interface UnitProgress extends Progress {
  /** The breakdown value of the event the unit started from. */
  group: string | null;
}

/**
 * Every unit's progress through the funnel, from the window's events in time order. Only events matching a step are
 * read, except where every event matters (strict order, or sessions, which are cut at 30 quiet minutes): then all
 * events of the units that took the first step.
 */
export async function funnelProgress(db: Queryable, tenant: Tenant, spec: FunnelSpec): Promise<UnitProgress[] | 'too_many_events'> {
  const where = new Conditions();
  const window = `e.workspace_id = any(${where.param(tenant.workspaceIds)})
    and e.occurred_at >= ${where.param(spec.start)} and e.occurred_at < ${where.param(spec.end)}`;
  where.add(window);
  const matches = spec.steps.map(
    (step) =>
      `(e.name = ${where.param(step.event)}${step.path ? ` and e.path = ${where.param(step.path)}` : ''}${
        step.properties ? ` and e.properties @> ${where.param(JSON.stringify(step.properties))}::jsonb` : ''
      })`,
  );
  const unit = spec.unit === 'contact' ? 'e.contact_id' : 'e.visitor_id';
  where.add(`${unit} is not null`);
  const everyEvent = spec.order === 'strict' || spec.unit === 'session';
  if (everyEvent) where.add(`${unit} in (select ${unit} from events e where ${window} and ${matches[0]})`);
  else if (spec.steps.every((step) => !step.path && !step.properties))
    // Bare event names as one list: the events by name index (with its visitor) then answers alone.
    where.add(`e.name = any(${where.param(spec.steps.map((step) => step.event))})`);
  else where.add(`(${matches.join(' or ')})`);
  // Times as epoch milliseconds and the steps matched as bits: numbers parse many times faster than timestamps and
  // arrays, and a funnel may read a million rows.
  const rows = await db.query<{ unit: string; at: number; steps: number; grp: string | null }>(
    `select ${unit} as unit, (extract(epoch from e.occurred_at) * 1000)::float8 as at,
       ${matches.map((match, i) => `(case when ${match} then ${1 << i} else 0 end)`).join(' | ')} as steps,
       ${spec.breakdown ? BREAKDOWN_SQL[spec.breakdown] : 'null::text'} as grp
     from events e ${where} order by ${unit} ${BYTEWISE}, e.occurred_at, e.id limit ${MAX_FUNNEL_EVENTS + 1}`,
    where.params,
  );
  if (rows.length > MAX_FUNNEL_EVENTS) return 'too_many_events';
  const stepLists = new Map<number, number[]>();
  const stepsOf = (bits: number) => {
    let list = stepLists.get(bits);
    if (!list) {
      list = spec.steps.flatMap((_, i) => (bits & (1 << i) ? [i] : []));
      stepLists.set(bits, list);
    }
    return list;
  };
  const results: UnitProgress[] = [];
  let from = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.unit === rows[from]!.unit) continue;
    for (const part of spec.unit === 'session' ? visits(rows.slice(from, i)) : [rows.slice(from, i)]) {
      const events: UnitEvent[] = part.map((row) => ({ at: Number(row.at), steps: stepsOf(Number(row.steps)) }));
      const progress = progressOf(events, spec.steps.length, spec.order, spec.windowMs);
      if (progress.start >= 0) results.push({ ...progress, group: part[progress.start]!.grp });
    }
    from = i;
  }
  return results;
}

/** A visitor's events cut into visits where SESSION_GAP_MINUTES pass without one. */
function visits<T extends { at: number }>(events: readonly T[]): T[][] {
  const parts: T[][] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const event of events) {
    const at = Number(event.at);
    if (at - last > SESSION_GAP_MINUTES * 60_000) parts.push([]);
    parts.at(-1)!.push(event);
    last = at;
  }
  return parts;
}
