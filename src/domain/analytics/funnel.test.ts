import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressOf, stepResults, type UnitEvents } from './funnel.ts';

const MINUTE = 60_000;
/** A sequence from [minute, ...steps it matches]. */
const seq = (...events: Array<[number, ...number[]]>): UnitEvents => ({
  at: events.map(([at]) => at * MINUTE),
  steps: events.map(([, ...steps]) => steps.reduce((bits, step) => bits | (1 << step), 0)),
  from: 0,
  to: events.length,
});
const depth = (events: UnitEvents, order: 'ordered' | 'strict' | 'unordered', windowMinutes = 60, steps = 3) =>
  progressOf(events, steps, order, windowMinutes * MINUTE).times.length;

test('ordered: steps in order with other events between; out of order does not count', () => {
  assert.equal(depth(seq([0, 0], [1], [2, 1], [3], [4, 2]), 'ordered'), 3);
  assert.equal(depth(seq([0, 0], [1, 2], [2, 1]), 'ordered'), 2, 'step 3 before step 2 is not a conversion');
  assert.equal(depth(seq([0, 1], [1, 2]), 'ordered'), 0, 'no first step, no entry');
});

test('strict: each step must be the very next event', () => {
  assert.equal(depth(seq([0, 0], [1, 1], [2, 2]), 'strict'), 3);
  assert.equal(depth(seq([0, 0], [1], [2, 1], [3, 2]), 'strict'), 1);
  assert.equal(depth(seq([0, 0], [1], [2, 0], [3, 1], [4, 2]), 'strict'), 3, 'a later start may complete it');
  assert.equal(progressOf(seq([0, 0], [1], [2, 0], [3, 1]), 2, 'strict', 60 * MINUTE).start, 2, 'and is the start reported');
  const within = { ...seq([0, 0], [1, 0], [2], [3, 1]), from: 1 };
  assert.deepEqual(progressOf(within, 2, 'strict', 60 * MINUTE), { times: [1 * MINUTE], start: 1 }, 'only the events from `from` on');
});

test('unordered: any order within the window, one step per event', () => {
  assert.equal(depth(seq([0, 2], [1, 0], [2, 1]), 'unordered'), 3);
  assert.equal(depth(seq([0, 0, 1], [1]), 'unordered'), 1, 'one event completes one step');
  assert.equal(depth(seq([0, 2], [90, 0]), 'unordered', 60), 1);
});

test('the window: a step exactly at its end counts, a millisecond later does not', () => {
  const edge = (secondAt: number): UnitEvents => ({ at: [0, secondAt], steps: [0b01, 0b10], from: 0, to: 2 });
  assert.equal(progressOf(edge(60 * MINUTE), 2, 'ordered', 60 * MINUTE).times.length, 2);
  assert.equal(progressOf(edge(60 * MINUTE + 1), 2, 'ordered', 60 * MINUTE).times.length, 1);
  assert.equal(depth(seq([0, 0], [50], [70, 1]), 'ordered', 60, 2), 1);
  assert.equal(depth(seq([0, 0], [30, 0], [70, 1]), 'ordered', 60, 2), 2, 'a repeated first step restarts the window');
});

test('repeated steps: the same event twice in a funnel needs two events', () => {
  assert.equal(depth(seq([0, 0, 1], [5, 0, 1]), 'ordered', 60, 2), 2);
  assert.equal(depth(seq([0, 0, 1]), 'ordered', 60, 2), 1);
});

test('per step: entered, converted, rates, drop-off, median and mean time from the step before', () => {
  const progress = [[0, 60_000, 180_000], [0, 120_000], [0, 240_000], [0]];
  const steps = stepResults(progress, 3);
  assert.deepEqual(
    steps.map((s) => [s.entered, s.converted, s.conversion_from_first, s.conversion_from_previous, s.drop_off]),
    [
      [4, 3, 1, null, 0],
      [3, 1, 0.75, 0.75, 1],
      [1, null, 0.25, 0.3333, 2],
    ],
  );
  assert.deepEqual([steps[1]!.median_seconds_to_convert, steps[1]!.mean_seconds_to_convert], [120, 140]);
  assert.deepEqual([steps[2]!.median_seconds_to_convert, steps[0]!.median_seconds_to_convert], [120, null]);
});
