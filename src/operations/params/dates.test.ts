import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceRef } from '../../domain/tenancy/principal.ts';
import { parseDateArgument, previousRange, resolveRange } from './dates.ts';
import { startOfLocalDay } from '../../time-zone.ts';

const ny: WorkspaceRef[] = [{ id: 'ws_1', slug: 'a', name: 'A', timezone: 'America/New_York' }];
const NOW = Date.parse('2026-11-22T03:00:00Z'); // still Nov 21 in New York

test('local midnight is found across DST changes', () => {
  assert.equal(new Date(startOfLocalDay('2026-03-08', 'America/New_York')).toISOString(), '2026-03-08T05:00:00.000Z');
  assert.equal(new Date(startOfLocalDay('2026-03-09', 'America/New_York')).toISOString(), '2026-03-09T04:00:00.000Z');
  assert.equal(new Date(startOfLocalDay('2026-10-25', 'Europe/Berlin')).toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal(new Date(startOfLocalDay('2026-10-26', 'Europe/Berlin')).toISOString(), '2026-10-25T23:00:00.000Z');
  assert.equal(new Date(startOfLocalDay('2026-06-01', 'Asia/Kolkata')).toISOString(), '2026-05-31T18:30:00.000Z');
});

test('the default range is the 30 local days ending today, in the workspace zone', () => {
  const range = resolveRange({}, ny, NOW);
  assert.deepEqual(range.echo, {
    start_date: '2026-10-23',
    end_date: '2026-11-21',
    timezone: 'America/New_York',
    start: '2026-10-23T04:00:00.000Z',
    end: '2026-11-22T05:00:00.000Z',
  });
});

test('date-only bounds include the whole end day; instants are taken as given', () => {
  const days = resolveRange({ start_date: '2026-11-16', end_date: '2026-11-22', timezone: 'UTC' }, ny, NOW);
  assert.equal(days.echo.start, '2026-11-16T00:00:00.000Z');
  assert.equal(days.echo.end, '2026-11-23T00:00:00.000Z');
  const instants = resolveRange({ start_date: '2026-11-16T12:00:00Z', end_date: '2026-11-17T00:00:00+01:00' }, ny, NOW);
  assert.equal(instants.echo.start, '2026-11-16T12:00:00.000Z');
  assert.equal(instants.echo.end, '2026-11-16T23:00:00.000Z');
  assert.throws(() => resolveRange({ start_date: '2026-11-20', end_date: '2026-11-10' }, ny, NOW), /must be before/);
});

test('the previous period has the same number of local days, even across a DST change', () => {
  const week = resolveRange({ start_date: '2026-11-02', end_date: '2026-11-08' }, ny, NOW);
  const previous = previousRange(week);
  assert.equal(previous.echo.start_date, '2026-10-26');
  assert.equal(previous.echo.end_date, '2026-11-01');
  assert.equal(previous.echo.start, '2026-10-26T04:00:00.000Z'); // EDT
  assert.equal(previous.end.toISOString(), week.start.toISOString());
});

test('one strict reading of dates: calendar-valid, 1970 to 2100, instants only with an offset', () => {
  assert.deepEqual(parseDateArgument('2024-02-29'), { kind: 'date', date: '2024-02-29' });
  assert.deepEqual(parseDateArgument('2026-05-01T09:30:00.250+02:00'), { kind: 'instant', ms: Date.parse('2026-05-01T07:30:00.250Z') });
  assert.deepEqual(parseDateArgument('2026-05-01T00:00Z'), { kind: 'instant', ms: Date.parse('2026-05-01T00:00:00Z') });
  assert.deepEqual(parseDateArgument('1970-01-01'), { kind: 'date', date: '1970-01-01' });
  assert.deepEqual(parseDateArgument('2100-12-31'), { kind: 'date', date: '2100-12-31' });
  for (const bad of [
    '2026-02-29',
    '2026-02-30T00:00:00Z',
    '2026-13-01',
    '0000-00-00',
    '2026-04-31',
    '0001-01-01',
    '1969-12-31',
    '9999-12-31',
    '2101-01-01',
    '2026-05-01T24:00:00Z',
    '2026-05-01T12:60Z',
    '2026-05-01T12:00:60Z',
    '2026-05-01T12:00:00',
    '2026-05-01T12:00:00+15:00',
    '2026-5-1',
    '2026-05-01 12:00:00Z',
    'yesterday',
    '',
    '2026-05-01T12:00:00.1234567Z',
  ]) {
    assert.equal(parseDateArgument(bad), undefined, bad);
  }
});

test('ranges refuse what the strict reading refuses, naming the argument', () => {
  assert.throws(() => resolveRange({ end_date: '9999-12-31' }, ny, NOW), /end_date: expected a calendar date/);
  assert.throws(() => resolveRange({ start_date: '2026-02-30' }, ny, NOW), /start_date: expected a calendar date/);
  const latest = resolveRange({ start_date: '2100-12-01', end_date: '2100-12-31', timezone: 'UTC' }, ny, NOW);
  assert.equal(latest.echo.end, '2101-01-01T00:00:00.000Z');
});
