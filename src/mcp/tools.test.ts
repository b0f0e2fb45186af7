import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod';
import { testPrincipal } from '../../test/helpers/principal.ts';
import { defineOperation } from '../operations/define.ts';
import { OPERATIONS } from '../operations/registry.ts';
import { missingScope } from './scope-challenge.ts';
import { parseSelection, type ToolSelection } from './selection.ts';
import { allowedOperations } from './tools.ts';

const writeOp = defineOperation({
  name: 'reply_to_conversation',
  title: 'Reply',
  description: 'A write.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({}),
  output: z.object({}),
  examples: [{ summary: 'A write', input: {} }],
  run: async () => ({}),
});

test('a read-only credential never sees a write tool, ingest sees only tracking; toolsets narrow further', () => {
  const all = [...OPERATIONS, writeOp];
  // The write tool is outside the registry, so it is selected by name.
  const everything: ToolSelection = {
    toolsets: (parseSelection({ toolsets: 'all' }) as ToolSelection).toolsets,
    tools: new Set(['reply_to_conversation']),
    key: 'test',
  };
  assert.ok(!allowedOperations(testPrincipal(['read']), everything, all).some((op) => op.scope === 'write'));
  assert.ok(allowedOperations(testPrincipal(['read', 'write']), everything, all).includes(writeOp));
  // Ingest alone is a publishable key's scope, which /mcp refuses before any tool (test/tracking.test.ts).
  assert.deepEqual(
    allowedOperations(testPrincipal(['ingest']), everything, all).map((op) => op.name),
    ['track_event'],
    'ingest alone allows tracking and nothing else',
  );
  const conversations = allowedOperations(
    testPrincipal(['read', 'write']),
    parseSelection({ toolsets: 'conversations' }) as ToolSelection,
    all,
  );
  assert.deepEqual(
    conversations.map((op) => op.name),
    ['search_conversations', 'get_conversation', 'list_conversation_messages', 'send_conversation_message', 'find_tools', 'call_tool'],
    'with the catalogue',
  );
});

test('an OAuth caller calling a tool beyond its scopes is told which scope to ask for; an API key is not', () => {
  const all = [...OPERATIONS, writeOp];
  const call = (name: string) => ({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } });
  assert.equal(missingScope(testPrincipal(['read'], 'oauth'), call('reply_to_conversation'), all), 'write');
  assert.equal(
    missingScope(testPrincipal(['read'], 'oauth'), [call('get_account_info'), call('reply_to_conversation')], all),
    'write',
    'in a batch too',
  );
  assert.equal(missingScope(testPrincipal(['read', 'write'], 'oauth'), call('reply_to_conversation'), all), undefined);
  assert.equal(missingScope(testPrincipal(['read'], 'oauth'), call('no_such_tool'), all), undefined, 'unknown tools stay a tool error');
  assert.equal(missingScope(testPrincipal(['read'], 'oauth'), { jsonrpc: '2.0', id: 1, method: 'tools/list' }, all), undefined);
  assert.equal(missingScope(testPrincipal(['read']), call('reply_to_conversation'), all), undefined, 'an API key cannot step up');
});
