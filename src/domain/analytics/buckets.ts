import { addDays, localDate, offsetAt, startOfLocalDay } from '../../time-zone.ts';

export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** A series never has more buckets than this: an hourly series of 41 days, a daily one of 2.7 years. */
export const MAX_BUCKETS = 1000;

export interface Bucket {
  /** The instant the bucket starts at (the first starts at the window's start, which may fall inside it). */
  start: number;
  /** Its local name: 2026-11-23 for a day or a week (its Monday), 2026-11 for a month, 2026-11-01T01:00-04:00 for an hour. */
  label: string;
}

/**
 * The time buckets that cover [start, end) in the time zone, every one, so an empty one still shows. Days, weeks
 * (Monday to Sunday) and months follow the local calendar, so a day of a DST change is 23 or 25 hours long; hours are
 * real hours, labelled with their offset, so the repeated hour of a fall-back shows twice, once per offset.
 * Undefined when there would be more than MAX_BUCKETS.
 */
export function timeBuckets(start: number, end: number, interval: Interval, timeZone: string): Bucket[] | undefined {
  const buckets: Bucket[] = [];
  let at = bucketStart(start, interval, timeZone);
  while (at < end) {
    if (buckets.length === MAX_BUCKETS) return undefined;
    const next = nextStart(at, interval, timeZone);
    buckets.push({ start: Math.max(at, start), label: label(at, interval, timeZone) });
    at = next;
  }
  return buckets;
}

/** The start of the bucket holding an instant. */
function bucketStart(instant: number, interval: Interval, timeZone: string): number {
  if (interval === 'hour') {
    const offset = offsetAt(instant, timeZone);
    return Math.floor((instant + offset) / 3_600_000) * 3_600_000 - offset;
  }
  const date = localDate(instant, timeZone);
  if (interval === 'day') return startOfLocalDay(date, timeZone);
  if (interval === 'week') return startOfLocalDay(addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7)), timeZone);
  return startOfLocalDay(`${date.slice(0, 7)}-01`, timeZone);
}

function nextStart(at: number, interval: Interval, timeZone: string): number {
  if (interval === 'hour') return at + 3_600_000;
  const date = localDate(at, timeZone);
  if (interval === 'day') return startOfLocalDay(addDays(date, 1), timeZone);
  if (interval === 'week') return startOfLocalDay(addDays(date, 7), timeZone);
  const [year, month] = date.split('-').map(Number) as [number, number];
  return startOfLocalDay(new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10), timeZone);
}

function label(at: number, interval: Interval, timeZone: string): string {
  const date = localDate(at, timeZone);
  if (interval === 'month') return date.slice(0, 7);
  if (interval !== 'hour') return date;
  const offset = offsetAt(at, timeZone);
  const local = new Date(at + offset).toISOString().slice(0, 16);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
