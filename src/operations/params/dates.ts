import * as z from 'zod';
import type { WorkspaceRef } from '../../auth/principal.ts';
import { invalidArgument } from '../errors.ts';
import { addDays, daysBetween, isValidTimeZone, localDate, startOfLocalDay } from './time-zone.ts';
import { defaultTimeZone } from './workspace.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 3660;

const DateOrInstant = z
  .string()
  .refine((v) => (DATE_ONLY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)) || (INSTANT.test(v) && !Number.isNaN(Date.parse(v))), {
    message: 'expected a date YYYY-MM-DD (in the time zone) or an ISO-8601 instant such as 2026-05-01T00:00:00Z',
  });

export const TimeZoneParam = z
  .string()
  .refine(isValidTimeZone, { message: 'expected an IANA time zone such as America/New_York or Europe/Berlin' })
  .optional()
  .describe("IANA time zone for date-only arguments and the daily boundaries, e.g. 'America/New_York'. Defaults to the workspace's time zone.");

export const DateRangeParams = {
  start_date: DateOrInstant.optional().describe(`Start of the range, inclusive: YYYY-MM-DD in the time zone, or an ISO-8601 instant. Defaults to ${DEFAULT_RANGE_DAYS - 1} days before end_date.`),
  end_date: DateOrInstant.optional().describe('End of the range: YYYY-MM-DD (the whole day is included) or an ISO-8601 instant (exclusive). Defaults to today.'),
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
  const end = input.end_date === undefined
    ? startOfLocalDay(addDays(localDate(now, timezone), 1), timezone)
    : DATE_ONLY.test(input.end_date) ? startOfLocalDay(addDays(input.end_date, 1), timezone) : Date.parse(input.end_date);
  const start = input.start_date === undefined
    ? startOfLocalDay(addDays(localDate(end - 1, timezone), -(DEFAULT_RANGE_DAYS - 1)), timezone)
    : DATE_ONLY.test(input.start_date) ? startOfLocalDay(input.start_date, timezone) : Date.parse(input.start_date);
  if (start >= end) {
    throw invalidArgument(`start_date (${input.start_date ?? 'default'}) must be before end_date (${input.end_date ?? 'today'}).`, 'Swap the dates, or omit start_date to get the 30 days before end_date.');
  }
  if (end - start > MAX_RANGE_DAYS * 86_400_000) {
    throw invalidArgument(`The range spans more than ${MAX_RANGE_DAYS} days.`, 'Use a shorter range.');
  }
  return { start: new Date(start), end: new Date(end), echo: echoRange(start, end, timezone) };
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
