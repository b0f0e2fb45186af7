import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestServer, type TestServer } from './helpers/server.ts';

type Json = Record<string, any>;

const MODERN = '2026-07-28';
const envelope = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientInfo': { name: 't', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

/** Raw HTTP against /mcp and /api/v1: what a broken or hostile client can send. Nothing may answer 500. */
describe('bad input and protocol misuse', () => {
  let server: TestServer;
  let key: string;

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    key = server.keys.northwind;
  });
  after(() => server?.stop());

  function post(body: string, headers: Record<string, string> = {}) {
    return fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body,
    });
  }

  function call(name: string, args: unknown, extraHeaders: Record<string, string> = {}) {
    return post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args, _meta: envelope } }), {
      'mcp-protocol-version': MODERN,
      'mcp-method': 'tools/call',
      'mcp-name': name,
      ...extraHeaders,
    });
  }

  async function toolError(name: string, args: unknown): Promise<string> {
    const response = await call(name, args);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Json;
    assert.equal(body.result?.isError, true, JSON.stringify(body));
    return body.result.content[0].text as string;
  }

  test('a key is accepted as a Bearer token or as x-api-key', async () => {
    for (const headers of [{ Authorization: `Bearer ${key}` }, { 'x-api-key': key }] as Array<Record<string, string>>) {
      assert.equal((await fetch(`${server.url}/api/v1/account`, { headers })).status, 200);
    }
  });

  test('no credential or a bad one: 401 with a Bearer challenge', async () => {
    const none = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(none.status, 401);
    // The OAuth challenge: it names the protected-resource metadata, from which a client finds the authorization server.
    assert.match(
      none.headers.get('www-authenticate') ?? '',
      /^Bearer .*resource_metadata="http:\/\/localhost:\d+\/\.well-known\/oauth-protected-resource\/mcp"/,
    );
    assert.equal(((await none.json()) as Json).error, 'invalid_token');
    const forged = `parley_ak_${'A'.repeat(38)}`;
    const bad = await fetch(`${server.url}/api/v1/account`, { headers: { Authorization: `Bearer ${forged}` } });
    assert.equal(bad.status, 401);
    assert.match(bad.headers.get('www-authenticate') ?? '', /invalid_token/);
  });

  test('malformed JSON is a JSON-RPC parse error', async () => {
    const response = await post('{"jsonrpc": "2.0", "id": 1, "method": ', { 'mcp-protocol-version': MODERN, 'mcp-method': 'tools/call' });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as Json).error.code, -32700);
  });

  test('an oversized body is refused before parsing', async () => {
    const response = await call('search_conversations', { query: 'x'.repeat(2 * 1024 * 1024) });
    assert.equal(response.status, 413);
  });

  test('wrong types, unknown arguments, bad dates and per_page 1000 are tool errors a model can act on', async () => {
    assert.match(await toolError('search_conversations', { per_page: 1000 }), /per_page: .*100/);
    assert.match(await toolError('search_conversations', { per_page: 'ten' }), /per_page/);
    assert.match(await toolError('search_conversations', { start_date: '2026-02-30' }), /start_date: expected a calendar date YYYY-MM-DD/);
    assert.match(await toolError('search_conversations', { start_date: 'last week' }), /start_date/);
    assert.match(await toolError('search_conversations', { start_date: '2026-05-10', end_date: '2026-05-01' }), /must be before end_date/);
    assert.match(await toolError('get_usage_summary', { timezone: 'Mars/Olympus' }), /IANA time zone/);
    assert.match(await toolError('search_contacts', { serach: 'acme' }), /unknown argument.*"serach"/);
    assert.match(await toolError('get_visitor_journey', {}), /exactly one of visitor_id or conversation_id/);
    assert.match(await toolError('get_usage_summary', { workspace: 'nope' }), /No workspace "nope"/);
    assert.match(await toolError('get_conversation', { conversation_id: 'cv_nope' }), /No conversation/);
    // A value no branch of a union takes names every type the argument takes, not zod's bare "Invalid input".
    assert.match(await toolError('query_events', { event: 123 }), /^event: Invalid input: expected string or array, received number/);
  });

  test('an unknown tool is a JSON-RPC invalid-params error', async () => {
    const response = await call('drop_database', {});
    const body = (await response.json()) as Json;
    assert.equal(body.error?.code, -32602, JSON.stringify(body));
    assert.match(body.error.message, /Unknown tool/);
  });

  test('2026-07-28 header rules: Mcp-Method must match the body, and GET/DELETE are not allowed', async () => {
    const mismatched = await call('get_account_info', {}, { 'mcp-method': 'tools/list' });
    assert.equal(mismatched.status, 400);
    const body = (await mismatched.json()) as Json;
    assert.ok(body.error && body.error.code <= -32000, JSON.stringify(body));
    const get = await fetch(`${server.url}/mcp`, { headers: { Authorization: `Bearer ${key}`, accept: 'text/event-stream' } });
    assert.equal(get.status, 405);
  });

  test('DNS rebinding: a foreign Host or Origin is refused', async () => {
    const origin = await post('{}', { origin: 'https://evil.example' });
    assert.equal(origin.status, 403);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/mcp`,
        { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(status, 403);
  });

  test('a publishable key cannot read: 403 key_kind_not_allowed on MCP and REST', async () => {
    const [ws] = await server.sql<{ id: string; account_id: string }>("select id, account_id from workspaces where slug = 'northwind-web'");
    const { createApiKey } = await import('../src/domain/credentials/commands.ts');
    const publishable = await createApiKey(server.db, {
      accountId: ws!.account_id,
      workspaceId: ws!.id,
      kind: 'publishable',
      name: 'site',
    });
    for (const url of [`${server.url}/mcp`, `${server.url}/api/v1/conversations`]) {
      const response = await fetch(url, {
        method: url.endsWith('/mcp') ? 'POST' : 'GET',
        headers: { Authorization: `Bearer ${publishable.secret}`, 'content-type': 'application/json' },
        ...(url.endsWith('/mcp') && { body: '{}' }),
      });
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as Json).error.code, 'key_kind_not_allowed');
    }
  });

  test('REST: bad query values and unknown routes are JSON 4xx with a request id', async () => {
    const headers = { Authorization: `Bearer ${key}` };
    for (const path of [
      '/conversations?per_page=1000',
      '/conversations?page=0',
      '/events?kind=nope',
      '/contacts?bogus=1',
      '/conversations?start_date=yesterday',
      '/conversations/cv_1?conversation_id=cv_2',
    ]) {
      const response = await fetch(`${server.url}/api/v1${path}`, { headers });
      const body = (await response.json()) as Json;
      assert.equal(response.status, 400, path);
      assert.equal(body.error.code, 'invalid_argument');
      assert.equal(body.error.request_id, response.headers.get('x-request-id'));
    }
    // DELETE takes its arguments in the query: a body would be dropped silently, so it is refused.
    const withBody = await fetch(`${server.url}/api/v1/notes/note_1`, { method: 'DELETE', headers, body: '{"idempotency_key":"k"}' });
    assert.equal(withBody.status, 400);
    assert.match(((await withBody.json()) as Json).error.message, /query/);
    const missing = await fetch(`${server.url}/api/v1/nothing-here`, { headers });
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as Json).error.code, 'route_not_found');
  });

  test("a proxy's well-formed X-Request-Id is kept, so logs join up; anything else is replaced", async () => {
    const ask = (id: string) => fetch(`${server.url}/api/v1/nope`, { headers: { Authorization: `Bearer ${key}`, 'x-request-id': id } });
    const kept = await ask('3f2a9c1e-7b4d-4e8a-9c1f-0a1b2c3d4e5f');
    assert.equal(kept.headers.get('x-request-id'), '3f2a9c1e-7b4d-4e8a-9c1f-0a1b2c3d4e5f');
    assert.equal(((await kept.json()) as Json).error.request_id, '3f2a9c1e-7b4d-4e8a-9c1f-0a1b2c3d4e5f');
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(200), '<script>alert(1)</script>']) {
      assert.match((await ask(bad)).headers.get('x-request-id') ?? '', /^req_[0-9a-f]{20}$/, bad);
    }
  });

  test('OpenAPI document and reference page are generated from the operations', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Json;
    assert.equal(doc.openapi, '3.1.0');
    const validation = await new Validator().validate(doc as Parameters<Validator['validate']>[0]);
    assert.deepEqual(validation.errors ?? [], [], 'a valid OpenAPI 3.1 document');
    assert.equal(validation.valid, true);
    assert.equal(doc.paths['/conversations/{conversation_id}'].get.operationId, 'get_conversation');
    assert.ok(doc.paths['/conversations'].get.parameters.some((p: Json) => p.name === 'query' && p.in === 'query'));
    // A generated client joins the server URL and a path: that must reach the operation.
    const viaDocument = await fetch(
      `${doc.servers[0].url}${Object.keys(doc.paths).find((p) => doc.paths[p].get?.operationId === 'get_account_info')}`,
      { headers: { Authorization: `Bearer ${key}` } },
    );
    assert.equal(viaDocument.status, 200);
    assert.equal(((await viaDocument.json()) as Json).account.name, 'Northwind Labs');
    const html = await (await fetch(`${server.url}/docs`)).text();
    assert.match(html, /search_conversations/);
  });
});
