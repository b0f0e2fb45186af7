import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryLogger } from '../test/helpers/logs.ts';
import { Availability } from './availability.ts';

test('an outage is logged once, its recovery once, and stragglers that began before the recovery open no new one', async () => {
  const { log, entries } = memoryLogger();
  const database = new Availability('database', log, 'requests answer 503');
  const inFlight = performance.now();
  database.failed(new Error('terminated'));
  database.failed(new Error('terminated'));
  database.succeeded();
  database.failed(new Error('terminated late'), inFlight); // began before the recovery: part of the same outage
  database.succeeded();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(
    entries.map((e) => e.msg),
    ['database unavailable: requests answer 503', 'database available again'],
  );
  assert.equal(entries[1]!.failures, 2);

  database.failed(new Error('down again')); // began after the recovery: a new outage
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(entries.length, 3);
});
