import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Principal } from '../src/domain/tenancy/principal.ts';
import { RateLimiter } from '../src/limits/rate-limit.ts';
import { UsageRecorder } from '../src/limits/usage.ts';
import { createLogger } from '../src/log.ts';
import { fastToolCall } from '../src/mcp/fast-path.ts';
import { DEFAULT_SELECTION } from '../src/mcp/selection.ts';
import type { McpRequestState } from '../src/mcp/request-state.ts';
import { createMcpEndpoint } from '../src/mcp/server.ts';
import { SERVER_INFO } from '../src/version.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

function toolCall(
  name: string,
  args: unknown,
  extra: { meta?: object; params?: object; headers?: Record<string, string>; id?: unknown } = {},
) {
  const body = {
    jsonrpc: '2.0',
    id: extra.id ?? 7,
    method: 'tools/call',
    params: { name, arguments: args, _meta: { ...ENVELOPE, ...extra.meta }, ...extra.params },
  };
  const headers = new Headers({
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': 'tools/call',
    'mcp-name': name,
    ...extra.headers,
  });
  return { body, headers, request: () => new Request('http://localhost/mcp', { method: 'POST', headers, body: JSON.stringify(body) }) };
}

/** The fast path must answer exactly as the SDK's per-request server does, and decline everything unusual. */
describe('the MCP fast path', () => {
  let server: TestServer;
  let state: McpRequestState;
  const log = createLogger('silent');

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    const auth = await server.authenticator.authenticate(server.keys.northwind);
    assert.ok(auth.ok);
    state = { principal: auth.principal, selection: DEFAULT_SELECTION, requestId: 'req_test' };
  });
  after(() => server?.stop());

  async function both(call: ReturnType<typeof toolCall>, principalState = state) {
    const endpoint = (fastPath: boolean) =>
      createMcpEndpoint({ db: server.db, log, rateLimiter: new RateLimiter(), usage: new UsageRecorder(server.db), fastPath });
    const answers = [];
    for (const fastPath of [true, false]) {
      const response = await endpoint(fastPath).serve(call.request(), principalState, call.body);
      answers.push({ status: response.status, type: response.headers.get('content-type'), text: await response.text() });
    }
    return answers as [{ status: number; type: string | null; text: string }, { status: number; type: string | null; text: string }];
  }

  for (const [name, args] of [
    ['get_account_info', {}],
    ['search_conversations', { query: 'refund', per_page: 3 }],
    ['get_usage_summary', { workspace: 'northwind-web', start_date: '2026-01-01', end_date: '2026-01-31' }],
    ['search_conversations', { per_page: 1000 }],
    ['get_conversation', { conversation_id: 'cv_missing' }],
    ['search_contacts', { bogus: true }],
  ] as const) {
    test(`${name} ${JSON.stringify(args)}: the same answer on both paths`, async () => {
      const [fast, sdk] = await both(toolCall(name, args));
      assert.equal(fast.status, sdk.status);
      assert.equal(fast.type, sdk.type);
      assert.equal(fast.text, sdk.text);
    });
  }

  test('a rate-limited call is the same tool error on both paths', async () => {
    const limited: McpRequestState = {
      ...state,
      principal: {
        ...state.principal,
        rateLimitKey: `fast-path-${Date.now()}`,
        rateLimits: { perMinute: 1, perHour: 10, perDay: 10 },
      } as Principal,
    };
    const call = toolCall('get_account_info', {});
    const endpoint = (fastPath: boolean) =>
      createMcpEndpoint({ db: server.db, log, rateLimiter: new RateLimiter(), usage: new UsageRecorder(server.db), fastPath });
    const texts = [];
    for (const fastPath of [true, false]) {
      const e = endpoint(fastPath);
      await e.serve(call.request(), limited, call.body);
      texts.push(JSON.parse(await (await e.serve(call.request(), limited, call.body)).text()));
    }
    assert.equal(texts[0].result.isError, true);
    assert.deepEqual(texts[0], texts[1]);
  });

  test('declines anything but the canonical form, leaving it to the SDK', async () => {
    const fast = fastToolCall({ db: server.db, log, rateLimiter: new RateLimiter(), usage: new UsageRecorder(server.db) }, SERVER_INFO);
    const declined = [
      toolCall('get_account_info', {}, { meta: { progressToken: 1 } }),
      toolCall('get_account_info', {}, { meta: { 'io.modelcontextprotocol/logLevel': 'debug' } }),
      toolCall('get_account_info', {}, { headers: { 'mcp-name': 'list_workspaces' } }),
      toolCall('get_account_info', {}, { headers: { 'mcp-method': 'tools/list' } }),
      toolCall('get_account_info', {}, { headers: { 'mcp-protocol-version': '2025-11-25' } }),
      toolCall('get_account_info', {}, { params: { task: {} } }),
      toolCall('get_account_info', [1]),
      toolCall('no_such_tool', {}),
    ];
    for (const call of declined) assert.equal(await fast(call.headers, call.body, state), undefined, JSON.stringify(call.body));
    const withoutEnvelope = toolCall('get_account_info', {});
    delete (withoutEnvelope.body.params as { _meta?: unknown })._meta;
    assert.equal(await fast(withoutEnvelope.headers, withoutEnvelope.body, state), undefined);
    assert.ok(await fast(toolCall('get_account_info', {}).headers, toolCall('get_account_info', {}).body, state));
  });
});
