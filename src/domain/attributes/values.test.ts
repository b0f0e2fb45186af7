import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttributeDefinition } from './schema.ts';
import { valueProblems } from './values.ts';

const define = (name: string, type: AttributeDefinition['type'], options: string[] | null = null): AttributeDefinition => ({
  id: `attr_${name}`,
  workspace_id: 'ws_1',
  name,
  label: name,
  type,
  options,
  description: null,
  created_at: '2026-11-23T00:00:00.000Z',
});

const definitions = [
  define('stage', 'select', ['lead', 'customer']),
  define('seats', 'number'),
  define('vip', 'boolean'),
  define('renews_on', 'date'),
  define('notes', 'text'),
];

test('values must fit their definitions; null always does', () => {
  assert.deepEqual(
    valueProblems(definitions, { stage: 'customer', seats: 12, vip: false, renews_on: '2027-02-28', notes: 'x' }, 'refuse'),
    [],
  );
  assert.deepEqual(valueProblems(definitions, { stage: null, seats: null }, 'refuse'), []);
  assert.deepEqual(
    valueProblems(definitions, { stage: 'prospect', seats: '12', vip: 'yes', renews_on: '2027-02-30', notes: 3 }, 'refuse'),
    [
      'stage: expected one of lead, customer',
      'seats: expected a number',
      'vip: expected true or false',
      'renews_on: expected a date as YYYY-MM-DD',
      'notes: expected text',
    ],
  );
});

test('names without a definition are refused or let through, as asked', () => {
  assert.deepEqual(valueProblems(definitions, { color: 'red' }, 'allow'), []);
  assert.deepEqual(valueProblems(definitions, { color: 'red' }, 'refuse'), [
    'color: no such custom attribute in this workspace (defined: stage, seats, vip, renews_on, notes)',
  ]);
});
