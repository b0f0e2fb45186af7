import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findInputProblem } from './input-rules.ts';

test('findInputProblem names where the first bad thing is, and finds nothing in acceptable input', () => {
  assert.equal(findInputProblem({ a: ['x', { b: 'fine', n: 1, t: true }], c: null }), undefined);
  assert.deepEqual(findInputProblem({ batch: [{ event: 'ok' }, { properties: { note: 'a\u0000b' } }] }), {
    path: 'batch.1.properties.note',
    kind: 'text',
    message: 'contains a NUL character (U+0000), which cannot be stored; remove it',
  });
  assert.equal(findInputProblem('\uD800')?.path, '');
  // A bad name is reported where its object is; at the top, as "name".
  assert.equal(findInputProblem({ properties: { 'bad\u0000name': 1 } })?.path, 'properties');
  assert.equal(findInputProblem({ 'bad\u0000name': 1 })?.path, 'name');
  assert.deepEqual(findInputProblem(JSON.parse('{"a": [{"__proto__": {}}]}')), {
    path: 'a.0.__proto__',
    kind: 'name',
    message: '"__proto__" is not an allowed name',
  });
  let deep: unknown = 'x';
  for (let i = 0; i < 40; i++) deep = [deep];
  assert.deepEqual(findInputProblem({ deep }), {
    path: `deep${'.0'.repeat(32)}`,
    kind: 'depth',
    message: 'is nested more than 32 levels deep',
  });
});
