/**
 * Funnels, counted here from each unit's events in time order (a unit is a visitor, a contact or a session). Kept free
 * of SQL so the rules can be tested on hand-built sequences; funnel-queries.ts feeds it from the database.
 */

export const FUNNEL_ORDERS = ['ordered', 'strict', 'unordered'] as const;
export type FunnelOrder = (typeof FUNNEL_ORDERS)[number];

/**
 * A unit's events in time order, as columns (a funnel may read a million events: no object per event): when each
 * happened, and the steps it matches as bits (step i is `1 << i`); strict funnels also see events matching none. The
 * unit's events are those from `from` up to, not including, `to`.
 */
export interface UnitEvents {
  at: ArrayLike<number>;
  steps: ArrayLike<number>;
  from: number;
  to: number;
}

/** How far a unit got: the times it reached each step, in step order, from which of its events. */
export interface Progress {
  times: number[];
  /** The index of the event it started from (-1 when it never entered). */
  start: number;
}

/**
 * The furthest a unit gets through `steps` steps within `windowMs` of its first step. Of the starts that get as far,
 * the first counts (its times are the ones reported).
 * - ordered: each step after the previous one, other events between allowed;
 * - strict: each step the unit's very next event;
 * - unordered: the steps in any order, each by an event of its own, within the window of the first.
 */
export function progressOf(events: UnitEvents, steps: number, order: FunnelOrder, windowMs: number): Progress {
  let best: Progress = { times: [], start: -1 };
  for (let start = events.from; start < events.to && best.times.length < steps; start++) {
    const times =
      order === 'unordered'
        ? unorderedFrom(events, start, steps, windowMs)
        : events.steps[start]! & 1
          ? orderedFrom(events, start, steps, windowMs, order === 'strict')
          : [];
    if (times.length > best.times.length) best = { times, start };
  }
  return best;
}

function orderedFrom(events: UnitEvents, start: number, steps: number, windowMs: number, strict: boolean): number[] {
  const deadline = events.at[start]! + windowMs;
  const times = [events.at[start]!];
  for (let i = start + 1; i < events.to && times.length < steps; i++) {
    if (events.at[i]! > deadline) break;
    if (events.steps[i]! & (1 << times.length)) times.push(events.at[i]!);
    else if (strict) break;
  }
  return times;
}

function unorderedFrom(events: UnitEvents, start: number, steps: number, windowMs: number): number[] {
  if (events.steps[start] === 0) return [];
  const deadline = events.at[start]! + windowMs;
  let done = 0;
  const times: number[] = [];
  for (let i = start; i < events.to && times.length < steps; i++) {
    if (events.at[i]! > deadline) break;
    // One event completes one step: the first of its steps still open.
    const open = events.steps[i]! & ~done;
    if (open === 0) continue;
    done |= open & -open;
    times.push(events.at[i]!);
  }
  return times;
}

export interface StepResult {
  step: number;
  /** Units that reached this step. */
  entered: number;
  /** Of those, units that went on to the next step; null at the last. */
  converted: number | null;
  conversion_from_first: number | null;
  conversion_from_previous: number | null;
  /** Units of the previous step that did not reach this one. */
  drop_off: number;
  median_seconds_to_convert: number | null;
  mean_seconds_to_convert: number | null;
}

/** Per step, from every unit's step times: how many reached it, the rates, and the time from the step before. */
export function stepResults(progress: readonly (readonly number[])[], steps: number): StepResult[] {
  const entered = Array.from({ length: steps }, (_, i) => progress.filter((p) => p.length > i).length);
  return entered.map((count, i) => {
    const durations = i === 0 ? [] : progress.filter((p) => p.length > i).map((p) => (p[i]! - p[i - 1]!) / 1000);
    return {
      step: i + 1,
      entered: count,
      converted: i + 1 < steps ? entered[i + 1]! : null,
      conversion_from_first: rate(count, entered[0]!),
      conversion_from_previous: i === 0 ? null : rate(count, entered[i - 1]!),
      drop_off: i === 0 ? 0 : entered[i - 1]! - count,
      median_seconds_to_convert: median(durations),
      mean_seconds_to_convert: durations.length === 0 ? null : round(durations.reduce((a, b) => a + b, 0) / durations.length),
    };
  });
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2);
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
