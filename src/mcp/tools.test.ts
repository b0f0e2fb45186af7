import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod';
import type { Principal } from '../auth/principal.ts';
import { defineOperation, type AnyOperation } from '../operations/define.ts';
import { OPERATIONS } from '../operations/registry.ts';
import { missingScope } from './scope-challenge.ts';
import { allowedOperations } from './tools.ts';

const principal = (scopes: Principal['scopes'], type: Principal['credential']['type'] = 'api_key'): Principal => ({
  accountId: 'acct_1', accountName: 'A', credential: { type, id: 'key_1', name: 'k' }, scopes, workspaces: [],
  rateLimitKey: 'k', rateLimits: { perMinute: 1, perHour: 1, perDay: 1 },
});

const writeOp = defineOperation({
  name: 'reply_to_conversation', title: 'Reply', description: 'A write.', toolset: 'conversations', scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: false }, input: z.object({}), output: z.object({}),
  run: async () => ({}),
}) as unknown as AnyOperation;

test('a read-only credential never sees a write tool; toolsets narrow further', () => {
  const all = [...OPERATIONS, writeOp];
  assert.ok(!allowedOperations(principal(['read']), undefined, all).some((op) => op.scope === 'write'));
  assert.ok(allowedOperations(principal(['read', 'write']), undefined, all).includes(writeOp));
  assert.deepEqual(allowedOperations(principal(['ingest']), undefined, all), [], 'a publishable key has no tools');
  const conversations = allowedOperations(principal(['read', 'write']), new Set(['conversations']), all);
  assert.ok(conversations.every((op) => op.toolset === 'conversations') && conversations.includes(writeOp));
});

test('every operation is declared completely: unique name, description for a model, schemas, REST route', () => {
  const names = new Set(OPERATIONS.map((op) => op.name));
  assert.equal(names.size, OPERATIONS.length);
  for (const op of OPERATIONS) {
    assert.match(op.name, /^[a-z_]+$/);
    assert.ok(op.description.length > 80, `${op.name} needs a description a model can use`);
    assert.equal(op.jsonSchema.input.type, 'object');
    assert.equal(op.jsonSchema.output.type, 'object');
    assert.equal(op.annotations.readOnlyHint, op.scope === 'read');
    assert.ok(op.rest, `${op.name} has a REST route`);
  }
});

test('an OAuth caller calling a tool beyond its scopes is told which scope to ask for; an API key is not', () => {
  const all = [...OPERATIONS, writeOp];
  const call = (name: string) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } });
  assert.equal(missingScope(principal(['read'], 'oauth'), call('reply_to_conversation'), all), 'write');
  assert.equal(missingScope(principal(['read'], 'oauth'), [call('get_account_info'), call('reply_to_conversation')], all), 'write', 'in a batch too');
  assert.equal(missingScope(principal(['read', 'write'], 'oauth'), call('reply_to_conversation'), all), undefined);
  assert.equal(missingScope(principal(['read'], 'oauth'), call('no_such_tool'), all), undefined, 'unknown tools stay a tool error');
  assert.equal(missingScope(principal(['read'], 'oauth'), { jsonrpc: '2.0', id: 1, method: 'tools/list' }, all), undefined);
  assert.equal(missingScope(principal(['read']), call('reply_to_conversation'), all), undefined, 'an API key cannot step up');
});
