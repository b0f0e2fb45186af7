import * as z from 'zod';
import { FUNNEL_ORDERS, type StepResult, stepResults } from '../../domain/analytics/funnel.ts';
import {
  FUNNEL_BREAKDOWNS,
  FUNNEL_UNITS,
  funnelProgress,
  MAX_FUNNEL_EVENTS,
  type UnitProgress,
} from '../../domain/analytics/funnel-queries.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

const WINDOW_UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_WINDOW_MS = 90 * WINDOW_UNITS.d;
const BREAKDOWN_GROUPS = 10;

const Step = z
  .object({
    event: z.string().min(1).max(100),
    path: z.string().min(1).max(1000).optional().describe('The page path the event was on: /pricing.'),
    properties: z
      .record(z.string().min(1).max(100), z.union([z.string().max(500), z.number(), z.boolean()]))
      .refine((value) => Object.keys(value).length <= 10, 'at most 10 properties')
      .optional()
      .describe('Property values the event must have: {"path": "/pricing"}.'),
  })
  .strict();

const StepStats = z.object({
  step: z.number().int(),
  event: z.string(),
  entered: z.number().int(),
  converted: z.number().int().nullable(),
  conversion_from_first: z.number().nullable(),
  conversion_from_previous: z.number().nullable(),
  drop_off: z.number().int(),
  median_seconds_to_convert: z.number().nullable(),
  mean_seconds_to_convert: z.number().nullable(),
});

export const getFunnel = defineOperation({
  name: 'get_funnel',
  title: 'Conversion funnel',
  description:
    'How many visitors (or contacts, or sessions) went through 2 to 10 steps, each an event with optional page path and ' +
    'property values, within a conversion window of the first step (default 14d): per step, how many entered and converted, ' +
    'conversion from the first and the previous step, drop-off, and median and mean time from the step before. ' +
    'order: ordered (default; other events between allowed), strict (each step the very next event) or unordered. ' +
    'breakdown by source, medium or channel of the first step. Example: page_view with path /pricing, then trial_started.',
  scope: 'read',
  scans: true,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    steps: z.array(Step).min(2).max(10),
    ...DateRangeParams,
    order: z.enum(FUNNEL_ORDERS).default('ordered'),
    conversion_window: z
      .string()
      .regex(/^[1-9]\d{0,4}[mhd]$/, 'minutes, hours or days, such as 30m, 2h or 14d')
      .default('14d')
      .describe('How long after the first step the last may come: 30m, 2h, 14d (at most 90d).'),
    counted_by: z.enum(FUNNEL_UNITS).default('visitor').describe('Who goes through it: visitor, contact or session.'),
    breakdown: z.enum(FUNNEL_BREAKDOWNS).optional(),
  }),
  output: z.object({
    steps: z.array(StepStats),
    breakdown: z
      .array(z.object({ value: z.string(), entered: z.array(z.number().int()), conversion: z.number().nullable() }))
      .optional()
      .describe(`Per value, largest first (at most ${BREAKDOWN_GROUPS}): how many entered each step, and first-to-last conversion.`),
    breakdown_total: z.number().int().optional(),
    order: z.enum(FUNNEL_ORDERS),
    conversion_window: z.string(),
    counted_by: z.enum(FUNNEL_UNITS),
    range: ResolvedRange,
  }),
  rest: { method: 'POST', path: '/funnel', creates: false },
  examples: [
    {
      summary: 'Pricing page to trial',
      input: { steps: [{ event: 'page_view', path: '/pricing' }, { event: 'trial_started' }], breakdown: 'channel' },
    },
    {
      summary: 'Three steps within a day',
      input: { steps: [{ event: 'session_started' }, { event: 'buyer_intent' }, { event: 'meeting_booked' }], conversion_window: '1d' },
    },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const range = resolveRange(input, tenant.workspaces);
    const windowMs = Number(input.conversion_window.slice(0, -1)) * WINDOW_UNITS[input.conversion_window.slice(-1) as 'm' | 'h' | 'd'];
    if (windowMs > MAX_WINDOW_MS) throw invalidArgument('conversion_window: at most 90d.');
    const progress = await funnelProgress(db, tenant, {
      steps: input.steps,
      order: input.order,
      windowMs,
      unit: input.counted_by,
      breakdown: input.breakdown,
      start: range.start,
      end: range.end,
    });
    if (progress === 'too_many_events')
      throw invalidArgument(
        `The funnel would read more than ${MAX_FUNNEL_EVENTS.toLocaleString('en')} events.`,
        'Use a shorter range, a workspace, or narrower steps (property values).',
      );
    return {
      steps: named(
        stepResults(
          progress.map((p) => p.times),
          input.steps.length,
        ),
        input.steps,
      ),
      ...(input.breakdown && breakdownOf(progress, input.steps.length)),
      order: input.order,
      conversion_window: input.conversion_window,
      counted_by: input.counted_by,
      range: range.echo,
    };
  },
});

function named(results: StepResult[], steps: readonly { event: string }[]) {
  return results.map((result, i) => ({ ...result, event: steps[i]!.event }));
}

/** Per breakdown value, the largest first: how many entered each step, and the conversion from first to last. */
function breakdownOf(progress: readonly UnitProgress[], steps: number) {
  const groups = new Map<string, number[][]>();
  for (const unit of progress) {
    const key = unit.group ?? '(none)';
    const times = groups.get(key);
    if (times) times.push(unit.times);
    else groups.set(key, [unit.times]);
  }
  const rows = [...groups].map(([value, times]) => {
    const entered = stepResults(times, steps).map((step) => step.entered);
    return { value, entered, conversion: Math.round((entered.at(-1)! / entered[0]!) * 10_000) / 10_000 };
  });
  rows.sort((a, b) => b.entered[0]! - a.entered[0]! || a.value.localeCompare(b.value));
  return { breakdown: rows.slice(0, BREAKDOWN_GROUPS), breakdown_total: rows.length };
}
