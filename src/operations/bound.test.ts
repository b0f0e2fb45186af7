import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundResult } from './bound.ts';

test('a small result passes untouched, with its JSON', () => {
  const result = { items: [1, 2, 3] };
  const bounded = boundResult(result, 1000);
  assert.equal(bounded.value, result);
  assert.equal(bounded.json, JSON.stringify(result));
});

test('a large result loses items from the end of its longest list, and says so', () => {
  const result = {
    events: Array.from({ length: 200 }, (_, i) => ({ id: `evt_${i}`, text: 'x'.repeat(100) })),
    notes: [{ id: 'n1' }],
    total: 200,
  };
  const bounded = boundResult(result, 5000);
  assert.ok(bounded.json.length <= 5000);
  const value = bounded.value as typeof result & { truncated: { omitted: number; field: string; hint: string } };
  assert.deepEqual(
    value.events.map((e) => e.id),
    result.events.slice(0, value.events.length).map((e) => e.id),
    'the first items are kept, in order',
  );
  assert.equal(value.truncated.omitted, 200 - value.events.length);
  assert.equal(value.truncated.field, 'events');
  assert.deepEqual(value.notes, [{ id: 'n1' }]);
  assert.equal(result.events.length, 200, 'the input is not modified');
  assert.equal(JSON.parse(bounded.json).truncated.omitted, value.truncated.omitted);
});
