import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ServiceUnavailableError } from '../src/availability.ts';
import type { Database } from '../src/db/database.ts';
import type { Principal } from '../src/domain/tenancy/principal.ts';
import { RateLimiter } from '../src/limits/rate-limit.ts';
import { UsageRecorder } from '../src/limits/usage.ts';
import { createLogger } from '../src/log.ts';
import { fastPath } from '../src/mcp/fast-path.ts';
import type { McpRequestState } from '../src/mcp/request-state.ts';
import { parseSelection, type ToolSelection } from '../src/mcp/selection.ts';
import { createMcpEndpoint } from '../src/mcp/server.ts';
import { OPERATIONS } from '../src/operations/registry.ts';
import { SERVER_INFO } from '../src/version.ts';
import { demoIds, examplesOf } from './helpers/examples.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const MODERN = '2026-07-28';
const LEGACY = ['2025-03-26', '2025-06-18', '2025-11-25'] as const;
type Revision = typeof MODERN | (typeof LEGACY)[number];

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

interface Sent {
  body: unknown;
  headers: Headers;
  request: () => Request;
}

/** A request with these headers besides the usual ones; a header given as '' is left out. */
function sent(body: unknown, headers: Record<string, string>): Sent {
  const all = new Headers({ 'content-type': 'application/json', accept: 'application/json, text/event-stream' });
  for (const [name, value] of Object.entries(headers)) value === '' ? all.delete(name) : all.set(name, value);
  return {
    body,
    headers: all,
    request: () => new Request('http://localhost/mcp', { method: 'POST', headers: all, body: JSON.stringify(body) }),
  };
}

/** A request as each era's clients send it: 2026-07-28 with its envelope and routing headers, 2025 stateless without. */
function request(
  revision: Revision,
  method: string,
  params?: object,
  extra: { headers?: Record<string, string>; id?: unknown } = {},
): Sent {
  const modern = revision === MODERN;
  const withEnvelope = modern ? { ...params, _meta: { ...ENVELOPE, ...(params as { _meta?: object })?._meta } } : params;
  const name = (params as { name?: string } | undefined)?.name;
  return sent(
    { jsonrpc: '2.0', id: extra.id ?? 7, method, ...(withEnvelope && { params: withEnvelope }) },
    {
      'mcp-protocol-version': revision,
      ...(modern && { 'mcp-method': method, ...(name && { 'mcp-name': name }) }),
      ...extra.headers,
    },
  );
}

const toolCall = (
  revision: Revision,
  name: string,
  args: unknown,
  extra: { meta?: object; params?: object; headers?: Record<string, string> } = {},
) => request(revision, 'tools/call', { name, arguments: args, ...(extra.meta && { _meta: extra.meta }), ...extra.params }, extra);

/** The fast path must answer exactly as the SDK's per-request server does, and decline everything unusual. */
describe('the MCP fast path', () => {
  let server: TestServer;
  let state: McpRequestState;
  let readOnly: McpRequestState;
  let all: ToolSelection;
  let ids: Map<string, string>;
  const log = createLogger('silent');

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    const auth = await server.authenticator.authenticate(server.keys.northwind);
    assert.ok(auth.ok);
    all = parseSelection({ toolsets: 'all' }) as ToolSelection;
    state = { principal: auth.principal, selection: all, requestId: 'req_test' };
    const workspaceKey = await server.authenticator.authenticate(server.keys.northwindReadOnly);
    assert.ok(workspaceKey.ok);
    readOnly = { ...state, principal: workspaceKey.principal };
    ids = await demoIds(server.sql, 'northwind');
  });
  after(() => server?.stop());

  const deps = (db: Database = server.db) => ({ db, log, rateLimiter: new RateLimiter(), usage: new UsageRecorder(server.db) });

  /** The answers of the fast path and of the SDK alone; the fast path must have answered, not passed it on. */
  async function both(call: Sent, principalState = state, db: Database = server.db) {
    assert.ok(
      await fastPath(deps(db), SERVER_INFO)(call.headers, call.body, principalState),
      `the fast path declined ${JSON.stringify(call.body)}`,
    );
    const answers = [];
    for (const fast of [true, false]) {
      const response = await createMcpEndpoint({ ...deps(db), fastPath: fast }).serve(call.request(), principalState, call.body);
      answers.push({ status: response.status, type: response.headers.get('content-type'), text: await response.text() });
    }
    return answers as [{ status: number; type: string | null; text: string }, { status: number; type: string | null; text: string }];
  }

  async function assertSame(call: Sent, principalState = state, db: Database = server.db) {
    const [fast, sdk] = await both(call, principalState, db);
    assert.deepEqual(fast, sdk, JSON.stringify(call.body).slice(0, 300));
    return fast;
  }

  for (const revision of [MODERN, '2025-06-18'] as const) {
    test(`${revision}: every operation's examples, byte for byte`, async () => {
      for (const op of OPERATIONS) {
        for (const [index, example] of examplesOf(op, ids).entries()) {
          // A write runs once: the same key makes every later call, in either era, replay its answer.
          const input = op.scope === 'read' ? example.input : { ...example.input, idempotency_key: `fast-path-${op.name}-${index}` };
          const answer = await assertSame(toolCall(revision, op.name, input));
          assert.equal(answer.status, 200);
          assert.doesNotMatch(answer.text, /"isError":true/, `${op.name}: ${example.summary}: ${answer.text.slice(0, 300)}`);
        }
      }
    });
  }

  for (const revision of [MODERN, ...LEGACY] as Revision[]) {
    test(`${revision}: every kind of tool error, byte for byte`, async () => {
      const cases: Array<[string, Sent, McpRequestState?]> = [
        ['not_found', toolCall(revision, 'get_conversation', { conversation_id: 'cv_missing' })],
        ['invalid_argument', toolCall(revision, 'search_contacts', { bogus: true })],
        ['invalid_argument', toolCall(revision, 'search_conversations', { per_page: 1000 })],
        ['not_found', toolCall(revision, 'get_stats', { workspace: 'bluebird-clinics', metric: 'count' })],
        ['forbidden', toolCall(revision, 'list_audit_log', {}), readOnly],
        ['conflict', toolCall(revision, 'create_contact', { workspace: 'northwind-web', name: 'Twin', email: 'twin@fast-path.example' })],
        [
          'idempotency_key_reused',
          toolCall(revision, 'create_contact', {
            workspace: 'northwind-web',
            name: 'Other',
            idempotency_key: 'fast-path-create_contact-0',
          }),
        ],
      ];
      await assertSame(toolCall(revision, 'create_contact', { workspace: 'northwind-web', name: 'Twin', email: 'twin@fast-path.example' }));
      for (const [code, call, caller] of cases) {
        const answer = await assertSame(call, caller);
        assert.match(answer.text, new RegExp(`"parley/error_code":"${code}"`), `${code}: ${answer.text.slice(0, 300)}`);
      }
      const failing = (error: Error) =>
        new Proxy(server.db, {
          get: (target, key) => (key === 'query' || key === 'transaction' ? () => Promise.reject(error) : Reflect.get(target, key)),
        });
      for (const [code, error] of [
        ['internal', new Error('boom')],
        ['unavailable', new ServiceUnavailableError('database')],
      ] as const) {
        const answer = await assertSame(toolCall(revision, 'search_contacts', {}), state, failing(error));
        assert.match(answer.text, new RegExp(`"parley/error_code":"${code}"`));
      }
      const limited: McpRequestState = {
        ...state,
        principal: {
          ...state.principal,
          rateLimitKey: `fast-path-${revision}-${Date.now()}`,
          rateLimits: { perMinute: 1, perHour: 10, perDay: 10 },
        } as Principal,
      };
      const answers = [];
      for (const fast of [true, false]) {
        const endpoint = createMcpEndpoint({ ...deps(), fastPath: fast });
        const call = toolCall(revision, 'get_account_info', {});
        await endpoint.serve(call.request(), limited, call.body);
        answers.push(await (await endpoint.serve(call.request(), limited, call.body)).text());
      }
      assert.match(answers[0]!, /"parley\/error_code":"rate_limited"/);
      assert.equal(answers[0], answers[1]);
    });
  }

  for (const revision of LEGACY) {
    test(`${revision}: the handshake, tools/list and ping, byte for byte`, async () => {
      const init = { protocolVersion: revision, capabilities: {}, clientInfo: { name: 'claude-ai', version: '0.1.0' } };
      for (const [call, principalState] of [
        [request(revision, 'initialize', init, { headers: { 'mcp-protocol-version': '' } }), state],
        [request(revision, 'initialize', init), { ...state, selection: parseSelection({}) as ToolSelection }],
        [request(revision, 'tools/list'), state],
        [request(revision, 'tools/list', {}), readOnly],
        [request(revision, 'ping', undefined, { id: 'ping-1' }), state],
        [toolCall(revision, 'get_account_info', {}, { meta: { progressToken: 'p1' } }), state],
        [toolCall(revision, 'get_account_info', undefined), state],
      ] as const) {
        const answer = await assertSame(call, principalState);
        assert.equal(answer.type, 'text/event-stream');
      }
      const initialized = sent({ jsonrpc: '2.0', method: 'notifications/initialized' }, { 'mcp-protocol-version': revision });
      assert.deepEqual(await assertSame(initialized), { status: 202, type: null, text: '' });
    });
  }

  test('declines anything but the canonical form, leaving it to the SDK', async () => {
    const fast = fastPath(deps(), SERVER_INFO);
    const declined: Sent[] = [
      toolCall(MODERN, 'get_account_info', {}, { meta: { progressToken: 1 } }),
      toolCall(MODERN, 'get_account_info', {}, { meta: { 'io.modelcontextprotocol/logLevel': 'debug' } }),
      toolCall(MODERN, 'get_account_info', {}, { headers: { 'mcp-name': 'list_workspaces' } }),
      toolCall(MODERN, 'get_account_info', {}, { headers: { 'mcp-method': 'tools/list' } }),
      toolCall(MODERN, 'get_account_info', {}, { headers: { 'mcp-protocol-version': '2025-11-25' } }),
      toolCall(MODERN, 'get_account_info', {}, { params: { task: {} } }),
      toolCall(MODERN, 'get_account_info', [1]),
      toolCall(MODERN, 'no_such_tool', {}),
      request(MODERN, 'tools/list', {}),
      toolCall('2025-06-18', 'get_account_info', {}, { meta: { 'io.modelcontextprotocol/logLevel': 'debug' } }),
      toolCall('2025-06-18', 'get_account_info', {}, { params: { task: {} } }),
      toolCall('2025-06-18', 'get_account_info', {}, { headers: { accept: 'application/json' } }),
      toolCall('2025-06-18', 'get_account_info', {}, { headers: { 'mcp-protocol-version': '2024-11-05' } }),
      toolCall('2025-06-18', 'get_account_info', {}, { headers: { 'mcp-method': 'tools/call' } }),
      toolCall('2025-06-18', 'get_account_info', 'x'),
      toolCall('2025-06-18', 'no_such_tool', {}),
      request('2025-06-18', 'tools/list', { cursor: 'abc' }),
      request('2025-06-18', 'resources/list'),
      request('2025-06-18', 'initialize', { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 'c', version: '1' } }),
      request('2025-06-18', 'initialize', { protocolVersion: '2025-06-18', capabilities: {} }),
      sent({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } }, { 'mcp-protocol-version': '2025-06-18' }),
      sent([{ jsonrpc: '2.0', id: 1, method: 'ping' }], { 'mcp-protocol-version': '2025-06-18' }),
    ];
    for (const call of declined) assert.equal(await fast(call.headers, call.body, state), undefined, JSON.stringify(call.body));
    const withoutEnvelope = toolCall(MODERN, 'get_account_info', {});
    delete (withoutEnvelope.body as { params: { _meta?: unknown } }).params._meta;
    assert.equal(await fast(withoutEnvelope.headers, withoutEnvelope.body, state), undefined);
    const claude = toolCall('2025-06-18', 'get_account_info', {}, { headers: { 'mcp-protocol-version': '' } });
    assert.ok(await fast(claude.headers, claude.body, state), 'a 2025 call without the version header is the 2025-03-26 default');
  });
});
