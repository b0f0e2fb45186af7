import assert from 'node:assert/strict';
import { test } from 'node:test';
import { timeBuckets } from './buckets.ts';

const at = (iso: string) => Date.parse(iso);
const labels = (start: string, end: string, interval: 'hour' | 'day' | 'week' | 'month', zone: string) =>
  timeBuckets(at(start), at(end), interval, zone)!.map((b) => b.label);

test('days follow the local calendar across a DST change: the day of fall-back is 25 hours long', () => {
  const buckets = timeBuckets(at('2026-10-31T04:00:00Z'), at('2026-11-03T05:00:00Z'), 'day', 'America/New_York')!;
  assert.deepEqual(
    buckets.map((b) => b.label),
    ['2026-10-31', '2026-11-01', '2026-11-02'],
  );
  assert.equal(buckets[2]!.start - buckets[1]!.start, 25 * 3_600_000);
});

test('hours are real hours: the repeated hour of a fall-back shows twice, once per offset; spring-forward skips one', () => {
  assert.deepEqual(labels('2026-11-01T04:00:00Z', '2026-11-01T08:00:00Z', 'hour', 'America/New_York'), [
    '2026-11-01T00:00-04:00',
    '2026-11-01T01:00-04:00',
    '2026-11-01T01:00-05:00',
    '2026-11-01T02:00-05:00',
  ]);
  assert.deepEqual(labels('2026-03-29T00:00:00Z', '2026-03-29T03:00:00Z', 'hour', 'Europe/Berlin'), [
    '2026-03-29T01:00+01:00',
    '2026-03-29T03:00+02:00',
    '2026-03-29T04:00+02:00',
  ]);
  assert.deepEqual(labels('2026-11-23T00:00:00Z', '2026-11-23T02:00:00Z', 'hour', 'Asia/Kolkata'), [
    '2026-11-23T05:00+05:30',
    '2026-11-23T06:00+05:30',
    '2026-11-23T07:00+05:30',
  ]);
});

test('weeks start on Monday and months on the first, the first bucket starting where the window does', () => {
  const weeks = timeBuckets(at('2026-11-04T00:00:00Z'), at('2026-11-20T00:00:00Z'), 'week', 'UTC')!;
  assert.deepEqual(
    weeks.map((b) => b.label),
    ['2026-11-02', '2026-11-09', '2026-11-16'],
  );
  assert.equal(weeks[0]!.start, at('2026-11-04T00:00:00Z'));
  assert.deepEqual(labels('2026-01-15T00:00:00Z', '2026-03-02T00:00:00Z', 'month', 'UTC'), ['2026-01', '2026-02', '2026-03']);
  assert.equal(timeBuckets(at('2020-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), 'hour', 'UTC'), undefined);
});
