import * as z from 'zod';
import type { WorkspaceRef } from '../../domain/tenancy/principal.ts';
import { invalidArgument } from '../errors.ts';
import { addDays, daysBetween, isValidTimeZone, localDate, startOfLocalDay } from '../../time-zone.ts';
import { defaultTimeZone } from './workspace.ts';

export const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 3660;
/** The calendar Parley accepts dates in: wide enough for any history and any plan, narrow enough to compute with. */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2100;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** A date argument: a local calendar date (read in the time zone), or an instant with an explicit offset. */
export type DateArgument = { kind: 'date'; date: string } | { kind: 'instant'; ms: number };

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month: this month's last day
}

/**
 * The one strict reading of every date argument: calendar-valid (no 2026-02-30, no month 13), years 1970 to 2100,
 * and instants only with an explicit offset (Z or ±HH:MM), so nothing depends on the server's zone. Undefined for
 * anything else; nothing is rolled over or guessed.
 */
export function parseDateArgument(text: string): DateArgument | undefined {
  const date = DATE_ONLY.exec(text);
  if (date) return isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3])) ? { kind: 'date', date: text } : undefined;
  const instant = INSTANT.exec(text);
  if (!instant) return undefined;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((i) =>
    Number(instant[i] ?? 0),
  ) as [number, number, number, number, number, number, number, number];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59)
    return undefined;
  const milliseconds = Number(`0.${instant[7] ?? '0'}`) * 1000;
  const offsetMs = (instant[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { kind: 'instant', ms: Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMs };
}

const RANGE = `from ${EARLIEST_YEAR}-01-01 to ${LATEST_YEAR}-12-31`;

/** A local calendar date argument, YYYY-MM-DD. */
export const LocalDate = z
  .string()
  .refine((v) => parseDateArgument(v)?.kind === 'date', { message: `expected a calendar date YYYY-MM-DD ${RANGE}` });

const DateOrInstant = z.string().refine((v) => parseDateArgument(v) !== undefined, {
  message: `expected a calendar date YYYY-MM-DD (in the time zone) or an ISO-8601 instant with an offset, such as 2026-05-01T00:00:00Z or 2026-05-01T09:30:00+02:00; dates ${RANGE}`,
});

/** An instant with an explicit offset (Z or ±HH:MM), read the one strict way every date argument is. */
export const Instant = z.iso.datetime({ offset: true }).refine((v) => parseDateArgument(v)?.kind === 'instant', {
  message: `expected an ISO-8601 instant with an offset, such as 2026-05-01T00:00:00Z or 2026-05-01T09:30:00+02:00; dates ${RANGE}`,
});

export const TimeZoneParam = z
  .string()
  .refine(isValidTimeZone, { message: 'expected an IANA time zone such as America/New_York or Europe/Berlin' })
  .optional()
  .describe(
    "IANA time zone for date-only arguments and the daily boundaries, e.g. 'America/New_York'. Defaults to the workspace's time zone.",
  );

export const DateRangeParams = {
  start_date: DateOrInstant.optional().describe(
    `Start of the range, inclusive: YYYY-MM-DD in the time zone, or an ISO-8601 instant. Defaults to ${DEFAULT_RANGE_DAYS - 1} days before end_date.`,
  ),
  end_date: DateOrInstant.optional().describe(
    'End of the range: YYYY-MM-DD (the whole day is included) or an ISO-8601 instant (exclusive). Defaults to today.',
  ),
  timezone: TimeZoneParam,
};

/** The range a call used, echoed in every result so a model can see what "this week" turned into. */
export const ResolvedRange = z.object({
  start_date: z.string().describe('First local date of the range, YYYY-MM-DD.'),
  end_date: z.string().describe('Last local date of the range, YYYY-MM-DD, inclusive.'),
  timezone: z.string(),
  start: z.string().describe('UTC instant the range starts at (inclusive).'),
  end: z.string().describe('UTC instant the range ends at (exclusive).'),
});
export type ResolvedRange = z.infer<typeof ResolvedRange>;

export interface RangeInput {
  start_date?: string | undefined;
  end_date?: string | undefined;
  timezone?: string | undefined;
}

export interface Range {
  start: Date;
  end: Date;
  echo: ResolvedRange;
}

/** Turns date arguments into a UTC window; defaults to the last 30 days ending today in the time zone. */
export function resolveRange(input: RangeInput, workspaces: readonly WorkspaceRef[], now = Date.now()): Range {
  const timezone = input.timezone ?? defaultTimeZone(workspaces);
  const endArgument = argument('end_date', input.end_date);
  const end =
    endArgument === undefined
      ? startOfLocalDay(addDays(localDate(now, timezone), 1), timezone)
      : endArgument.kind === 'date'
        ? startOfLocalDay(addDays(endArgument.date, 1), timezone)
        : endArgument.ms;
  const startArgument = argument('start_date', input.start_date);
  const start =
    startArgument === undefined
      ? startOfLocalDay(addDays(localDate(end - 1, timezone), -(DEFAULT_RANGE_DAYS - 1)), timezone)
      : startArgument.kind === 'date'
        ? startOfLocalDay(startArgument.date, timezone)
        : startArgument.ms;
  if (start >= end) {
    throw invalidArgument(
      `start_date (${input.start_date ?? 'default'}) must be before end_date (${input.end_date ?? 'today'}).`,
      'Swap the dates, or omit start_date to get the 30 days before end_date.',
    );
  }
  if (end - start > MAX_RANGE_DAYS * 86_400_000) {
    throw invalidArgument(`The range spans more than ${MAX_RANGE_DAYS} days.`, 'Use a shorter range.');
  }
  return { start: new Date(start), end: new Date(end), echo: echoRange(start, end, timezone) };
}

function argument(name: string, text: string | undefined): DateArgument | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDateArgument(text);
  if (!parsed) throw invalidArgument(`${name}: expected a calendar date YYYY-MM-DD or an ISO-8601 instant with an offset, ${RANGE}.`);
  return parsed;
}

export function echoRange(start: number, end: number, timezone: string): ResolvedRange {
  return {
    start_date: localDate(start, timezone),
    end_date: localDate(end - 1, timezone),
    timezone,
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
  };
}

/** The period of equal length just before a range, for "compared with the previous period". */
export function previousRange(range: Range): Range {
  const length = range.end.getTime() - range.start.getTime();
  const start = range.start.getTime() - length;
  const { timezone } = range.echo;
  // Whole local days stay whole local days across a DST change.
  const days = daysBetween(range.echo.start_date, range.echo.end_date) + 1;
  const dayAligned = range.echo.start === new Date(startOfLocalDay(range.echo.start_date, timezone)).toISOString();
  const previousStart = dayAligned ? startOfLocalDay(addDays(range.echo.start_date, -days), timezone) : start;
  return { start: new Date(previousStart), end: range.start, echo: echoRange(previousStart, range.start.getTime(), timezone) };
}

/** Things booked ahead (appointments, reservations) default to a window around today, not one ending today. */
export const BookingRangeParams = {
  start_date: DateRangeParams.start_date.describe(
    `Earliest start: YYYY-MM-DD in the time zone, or an ISO-8601 instant. Defaults to ${DEFAULT_RANGE_DAYS} days ago.`,
  ),
  end_date: DateRangeParams.end_date.describe(
    `Latest start: YYYY-MM-DD (the whole day is included) or an ISO-8601 instant (exclusive). Defaults to ${DEFAULT_RANGE_DAYS} days ahead.`,
  ),
  timezone: TimeZoneParam,
};

/** The window of a booking list: as given, else from 30 days ago to 30 days ahead in the time zone. */
export function resolveBookingRange(input: RangeInput, workspaces: readonly WorkspaceRef[], now = Date.now()): Range {
  if (input.end_date !== undefined) return resolveRange(input, workspaces, now);
  const today = localDate(now, input.timezone ?? defaultTimeZone(workspaces));
  return resolveRange(
    { ...input, start_date: input.start_date ?? addDays(today, -DEFAULT_RANGE_DAYS), end_date: addDays(today, DEFAULT_RANGE_DAYS) },
    workspaces,
    now,
  );
}
