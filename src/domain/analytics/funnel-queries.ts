import type { Queryable } from '../../db/database.ts';
import { Conditions } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { channelRuleSql } from './channels.ts';
import { type FunnelOrder, type Progress, progressOf, type UnitEvents } from './funnel.ts';
import { SESSION_GAP_MINUTES } from './stats.ts';
import { BYTEWISE, RAW_EVENTS } from './facts.ts';

export const FUNNEL_UNITS = ['visitor', 'contact', 'session'] as const;
export type FunnelUnit = (typeof FUNNEL_UNITS)[number];
export const FUNNEL_BREAKDOWNS = ['source', 'medium', 'channel'] as const;
export type FunnelBreakdown = (typeof FUNNEL_BREAKDOWNS)[number];

/** Room for a bit per step in an event's packed number (a funnel has 10 steps at most). */
const STEP_BITS = 1024;

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
  // Each event as one number, its epoch milliseconds times STEP_BITS plus a bit per step it matches, and each unit's
  // events as one list of them: a funnel may read a million events, and a row per unit of plain numbers travels and
  // parses in a fraction of the time (and garbage) of a row per event. The lists are put in order here.
  const rows = await db.query<{ events: string; groups?: (string | null)[] }>(
    `select string_agg(f.packed::text, ',') as events${spec.breakdown ? ', array_agg(f.grp) as groups' : ''}
     from (select ${unit} as unit, (extract(epoch from e.occurred_at) * 1000)::int8 * ${STEP_BITS}
             + (${matches.map((match, i) => `(case when ${match} then ${1 << i} else 0 end)`).join(' | ')}) as packed
             ${spec.breakdown ? `, ${BREAKDOWN_SQL[spec.breakdown]} as grp` : ''}
           from events e ${where} limit ${MAX_FUNNEL_EVENTS + 1}) f
     group by f.unit ${BYTEWISE}`,
    where.params,
  );
  let read = 0;
  const results: UnitProgress[] = [];
  for (const row of rows) {
    const events = unitEvents(row.events, row.groups);
    read += events.to;
    for (const part of spec.unit === 'session' ? visits(events) : [events]) {
      const { times, start } = progressOf(part, spec.steps.length, spec.order, spec.windowMs);
      if (start >= 0) results.push({ times, start, group: events.groups?.[start] ?? null });
    }
  }
  return read > MAX_FUNNEL_EVENTS ? 'too_many_events' : results;
}

/**
 * A unit's events from their packed numbers (`n,n,...`, in any order), in time order; events at the same millisecond
 * in step order. With the breakdown value of each event, in the list's order.
 */
function unitEvents(list: string, groups: readonly (string | null)[] | undefined) {
  const packed = parseNumbers(list);
  const order = groups
    ? Array.from(packed.keys()).sort((a, b) => packed[a]! - packed[b]! || String(groups[a]).localeCompare(String(groups[b])))
    : undefined;
  if (!order) packed.sort();
  const at = new Float64Array(packed.length);
  const steps = new Int32Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const value = packed[order ? order[i]! : i]!;
    at[i] = Math.floor(value / STEP_BITS);
    steps[i] = value - at[i]! * STEP_BITS;
  }
  return { at, steps, from: 0, to: packed.length, groups: order?.map((i) => groups![i] ?? null) };
}

/**
 * Non-negative integers separated by commas, without a string per number (a funnel's range starts in 1970 at the
 * earliest, so no event it reads has a negative time).
 */
function parseNumbers(list: string): Float64Array {
  let count = 1;
  for (let i = 0; i < list.length; i++) if (list.charCodeAt(i) === COMMA) count++;
  const numbers = new Float64Array(count);
  let n = 0;
  let value = 0;
  for (let i = 0; i < list.length; i++) {
    const code = list.charCodeAt(i);
    if (code === COMMA) {
      numbers[n++] = value;
      value = 0;
    } else value = value * 10 + (code - ZERO);
  }
  numbers[n] = value;
  return numbers;
}

const COMMA = 44;
const ZERO = 48;

/** A visitor's events (in time order) cut into visits where SESSION_GAP_MINUTES pass without one. */
function visits(events: UnitEvents): UnitEvents[] {
  const parts: UnitEvents[] = [];
  for (let i = 0; i < events.to; i++) {
    if (i === 0 || events.at[i]! - events.at[i - 1]! > SESSION_GAP_MINUTES * 60_000)
      parts.push({ at: events.at, steps: events.steps, from: i, to: i + 1 });
    else parts.at(-1)!.to = i + 1;
  }
  return parts;
}
