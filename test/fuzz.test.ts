import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OPERATIONS } from '../src/operations/registry.ts';
import { engines } from './helpers/engines.ts';
import { rawMcp, type RawAnswer, type RawEra } from './helpers/raw-mcp.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

/**
 * Hostile input generated from what Parley declares: every argument of every operation's input schema over MCP in
 * both protocol eras, every parameter of every route in /openapi.json over REST, and the authorization server's and
 * the dashboard's own endpoints. Nothing may answer 5xx or "internal"; bad text, bad dates and "__proto__" must be
 * refused as the caller's mistake, the same way in both eras; and ordinary calls still work afterwards.
 */

type Json = Record<string, any>;
interface Case {
  what: string;
  run: () => Promise<string | undefined>;
}

const BAD_TEXT = ['a\u0000b', '\u0000', 'a\ud800b', '\udc00z'];
const BAD_DATES = [
  '9999-12-31',
  '0001-01-01',
  '0099-06-15',
  '0000-00-00',
  '2026-02-30',
  '2026-02-30T00:00:00Z',
  '2026-13-01',
  '2026-05-01T25:00:00Z',
  '2026-05-01T12:00:00',
  '+010000-01-01T00:00:00Z',
];
const WRONG_TYPES: unknown[] = [12345, -1, 1.5, 1e308, true, null, {}, [], [null], { nested: { deeper: ['x'] } }, 'x'.repeat(100_000)];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const HUGE = 'y'.repeat(1024 * 1024);
const isDateField = (name: string) => /(_date|_after|_before)$/.test(name);
const ERAS: RawEra[] = ['modern', 'legacy'];

/** Runs the cases a few at a time and returns every failure's description. */
async function runAll(cases: Case[], concurrency = 6): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length) {
        const item = cases[next++]!;
        const failure = await item.run().catch((error: unknown) => `threw ${(error as Error).message}`);
        if (failure) failures.push(`${item.what}: ${failure}`);
      }
    }),
  );
  return failures;
}

/** What is wrong with an MCP answer, if anything: a server fault, or (when `refused`) a bad value accepted. */
function mcpProblem(answer: RawAnswer, refused?: 'tool' | 'protocol'): string | undefined {
  const { status, body } = answer;
  const summary = () => `${status} ${JSON.stringify(body).slice(0, 300)}`;
  if (status >= 500) return `HTTP ${summary()}`;
  if (body?.error?.code === -32603) return `JSON-RPC internal error ${summary()}`;
  const code = body?.result?._meta?.['parley/error_code'];
  if (code === 'internal') return `internal tool error ${summary()}`;
  if (refused === 'tool' && code !== 'invalid_argument') return `not refused as invalid_argument: ${summary()}`;
  if (refused === 'protocol' && body?.error?.code !== -32602) return `not refused with -32602: ${summary()}`;
  return undefined;
}

/** A plausible value for a required argument, so each case reaches past the arguments it does not test. */
function placeholder(schema: Json): unknown {
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  return 'x1';
}

function mcpCases(server: TestServer): Case[] {
  const key = server.keys.northwind;
  const cases: Case[] = [];
  // Every toolset, so tools outside the default list are fuzzed too.
  const call = (era: RawEra, name: string, args: unknown) =>
    rawMcp(server.url, key, era, 'tools/call', { name, arguments: args }, 1, '?toolsets=all');
  for (const op of OPERATIONS) {
    const schema = op.jsonSchema.input as Json;
    const properties = Object.entries((schema.properties ?? {}) as Record<string, Json>);
    const required = Object.fromEntries(((schema.required ?? []) as string[]).map((name) => [name, placeholder(schema.properties[name])]));
    for (const era of ERAS) {
      const tool = `${era} ${op.name}`;
      for (const [field] of properties) {
        for (const value of BAD_TEXT)
          cases.push({
            what: `${tool} ${field}=${JSON.stringify(value)}`,
            run: async () => mcpProblem(await call(era, op.name, { ...required, [field]: value }), 'tool'),
          });
        for (const value of BAD_DATES) {
          cases.push({
            what: `${tool} ${field}=${value}`,
            run: async () => mcpProblem(await call(era, op.name, { ...required, [field]: value }), isDateField(field) ? 'tool' : undefined),
          });
        }
        for (const value of WRONG_TYPES)
          cases.push({
            what: `${tool} ${field}=${JSON.stringify(value).slice(0, 40)}`,
            run: async () => mcpProblem(await call(era, op.name, { ...required, [field]: value })),
          });
        cases.push({
          what: `${tool} ${field}=<1 MiB>`,
          run: async () => mcpProblem(await call(era, op.name, { ...required, [field]: HUGE })),
        });
      }
      for (const name of PROTOTYPE_NAMES) {
        // JSON.parse keeps "__proto__" as an own key, as a hostile client's body would carry it.
        const args = JSON.parse(`{${JSON.stringify(name)}: {"polluted": true}}`) as unknown;
        cases.push({
          what: `${tool} argument named ${name}`,
          run: async () => mcpProblem(await call(era, op.name, args), name === '__proto__' ? 'protocol' : 'tool'),
        });
      }
      for (const args of ['text', 42, [1, 2], null, JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown]) {
        cases.push({
          what: `${tool} arguments=${JSON.stringify(args).slice(0, 30)}`,
          run: async () => mcpProblem(await call(era, op.name, args)),
        });
      }
    }
  }
  // The other methods' params: bad ones are -32602, never an internal error.
  const badParams: Array<[string, Record<string, unknown>]> = [
    ['resources/read', {}],
    ['resources/read', { uri: 42 }],
    ['resources/read', { uri: 'parley://workspace/\u0000' }],
    ['resources/read', { uri: 'parley://workspace/a\ud800' }],
    ['prompts/get', { name: 5 }],
    ['prompts/get', { name: 'weekly_report', arguments: { workspace: 7 } }],
    ['prompts/get', { name: 'weekly_report', arguments: { workspace: 'a\u0000' } }],
    ['tools/call', { name: 42 }],
    ['tools/list', { cursor: 42 }],
    ['resources/list', { cursor: {} }],
    ['prompts/list', { cursor: [] }],
  ];
  for (const era of ERAS) {
    for (const [method, params] of badParams)
      cases.push({
        what: `${era} ${method} ${JSON.stringify(params)}`,
        run: async () => mcpProblem(await rawMcp(server.url, key, era, method, params)),
      });
  }
  cases.push({
    what: 'legacy initialize without capabilities',
    run: async () => mcpProblem(await rawMcp(server.url, key, 'legacy', 'initialize', { protocolVersion: '2025-06-18' }), 'protocol'),
  });
  cases.push({
    what: 'legacy resources/read without uri',
    run: async () => mcpProblem(await rawMcp(server.url, key, 'legacy', 'resources/read', {}), 'protocol'),
  });
  cases.push({
    what: 'modern prompts/get with a numeric name',
    run: async () => mcpProblem(await rawMcp(server.url, key, 'modern', 'prompts/get', { name: 5 }), 'protocol'),
  });
  return cases;
}

/** REST cases from the OpenAPI document: every parameter of every route, encoded as a client would put it in a URL. */
function restCases(server: TestServer, openapi: Json): Case[] {
  const cases: Case[] = [];
  const rawValues = [
    '%00',
    'a%00b',
    '%ED%A0%80',
    'a%ED%B0%80b',
    'x'.repeat(8000),
    ...BAD_DATES.map(encodeURIComponent),
    'true',
    '-1',
    '1e308',
    '%5B%5D',
  ];
  const send = async (method: string, url: string, expectRefused: boolean, body?: string): Promise<string | undefined> => {
    const headers = { authorization: `Bearer ${server.keys.northwind}`, ...(body !== undefined && { 'content-type': 'application/json' }) };
    const response = await fetch(`${server.url}${url}`, { method, headers, body });
    const text = await response.text();
    if (response.status >= 500) return `HTTP ${response.status} ${text.slice(0, 200)}`;
    if (response.status !== 431 && !/^\{/.test(text)) return `not JSON: ${response.status} ${text.slice(0, 100)}`;
    if (expectRefused && response.status !== 400) return `not refused: ${response.status} ${text.slice(0, 200)}`;
    return undefined;
  };
  const base = new URL(openapi.servers[0].url).pathname.replace(/\/$/, '');
  const url = (path: string) => `${base}${path}`;
  for (const [path, methods] of Object.entries(openapi.paths as Record<string, Json>)) {
    for (const [method, spec] of Object.entries(methods as Record<string, Json>)) {
      const verb = method.toUpperCase();
      const inBody = verb !== 'GET' && verb !== 'DELETE';
      const fill = (name: string, value: string) => path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === name ? value : 'x1'));
      for (const parameter of (spec.parameters ?? []) as Json[]) {
        for (const value of rawValues) {
          const refused = value.includes('%00') || (isDateField(parameter.name) && BAD_DATES.map(encodeURIComponent).includes(value));
          const target = parameter.in === 'path' ? url(fill(parameter.name, value)) : `${url(fill('', ''))}?${parameter.name}=${value}`;
          cases.push({
            what: `${verb} ${path} ${parameter.in} ${parameter.name}=${value.slice(0, 30)}`,
            run: () => send(verb, target, refused, inBody ? '{}' : undefined),
          });
        }
      }
      // A body's fields, for the routes that take one: bad text is refused; anything else gets a clear 4xx or an answer.
      const fields = Object.keys(spec.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      for (const field of fields) {
        for (const value of [...BAD_TEXT, ...WRONG_TYPES]) {
          cases.push({
            what: `${verb} ${path} body ${field}=${JSON.stringify(value).slice(0, 30)}`,
            run: () => send(verb, url(fill('', '')), BAD_TEXT.includes(value as string), JSON.stringify({ [field]: value })),
          });
        }
      }
      for (const name of PROTOTYPE_NAMES) {
        cases.push(
          inBody
            ? { what: `${verb} ${path} body {"${name}":1}`, run: () => send(verb, url(fill('', '')), true, `{"${name}":1}`) }
            : { what: `${verb} ${path} ?${name}=1`, run: () => send(verb, `${url(fill('', ''))}?${name}=1`, true) },
        );
      }
    }
  }
  return cases;
}

/** The authorization server's endpoints and the dashboard's forms, signed out, with bad text in every field. */
function webCases(server: TestServer): Case[] {
  const cases: Case[] = [];
  const check = async (response: Response, expectRefused: boolean) => {
    const text = await response.text();
    if (response.status >= 500) return `HTTP ${response.status} ${text.slice(0, 200)}`;
    if (expectRefused && response.status !== 400) return `not refused: ${response.status} ${text.slice(0, 200)}`;
    return undefined;
  };
  const origin = { origin: server.url };
  const form = (path: string, fields: Record<string, string>) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: origin, body: new URLSearchParams(fields), redirect: 'manual' });
  const registration = {
    client_name: 'Fuzz',
    redirect_uris: ['http://127.0.0.1:9/cb'],
    logo_uri: 'https://example.com/l.png',
    client_uri: 'https://example.com',
    scope: 'mcp:read',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code'],
    contacts: ['a@example.com'],
  };
  for (const field of Object.keys(registration)) {
    for (const value of [...BAD_TEXT, [BAD_TEXT[0]], 42, null, {}, 'z'.repeat(60_000)]) {
      const refused = BAD_TEXT.includes(value as string) || (Array.isArray(value) && value[0] === BAD_TEXT[0]);
      cases.push({
        what: `POST /oauth/register ${field}=${JSON.stringify(value).slice(0, 30)}`,
        run: async () =>
          check(
            await fetch(`${server.url}/oauth/register`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ...registration, [field]: value }),
            }),
            refused,
          ),
      });
    }
  }
  cases.push({
    what: 'POST /oauth/register with a __proto__ field',
    run: async () =>
      check(
        await fetch(`${server.url}/oauth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"__proto__":{"x":1},"redirect_uris":["http://127.0.0.1:9/cb"]}',
        }),
        true,
      ),
  });
  const forms: Record<string, Record<string, string>> = {
    '/oauth/token': {
      grant_type: 'authorization_code',
      code: 'abc',
      code_verifier: 'v'.repeat(43),
      redirect_uri: 'http://127.0.0.1:9/cb',
      client_id: 'nope',
      resource: `${server.url}/mcp`,
    },
    '/oauth/revoke': { token: 'abc', token_type_hint: 'access_token', client_id: 'nope' },
    '/oauth/par': { client_id: 'nope', response_type: 'code', redirect_uri: 'http://127.0.0.1:9/cb' },
    '/login': { email: 'a@example.com', password: 'wrong password' },
    '/signup': { name: 'N', email: 'a@example.com', password: 'long enough password', account: 'A', workspace: 'W', timezone: 'UTC' },
    '/invite/not-a-token': { name: 'N', email: 'a@example.com', password: 'long enough password' },
    '/logout': { next: '/login' },
  };
  for (const [path, fields] of Object.entries(forms)) {
    for (const field of Object.keys(fields)) {
      cases.push({
        what: `POST ${path} ${field} with NUL`,
        run: async () => check(await form(path, { ...fields, [field]: 'a\u0000b' }), true),
      });
      cases.push({
        what: `POST ${path} ${field} 50 KB`,
        run: async () => check(await form(path, { ...fields, [field]: 'w'.repeat(50_000) }), false),
      });
    }
    cases.push({
      what: `POST ${path} over the body limit`,
      run: async () => check(await form(path, { ...fields, pad: 'p'.repeat(200_000) }), false),
    });
  }
  const authorize = {
    client_id: 'nope',
    response_type: 'code',
    redirect_uri: 'http://127.0.0.1:9/cb',
    scope: 'mcp:read',
    state: 's',
    code_challenge: 'c'.repeat(43),
    code_challenge_method: 'S256',
    resource: `${server.url}/mcp`,
  };
  for (const field of Object.keys(authorize)) {
    cases.push({
      what: `GET /oauth/authorize ${field}=%00`,
      run: async () =>
        check(
          await fetch(`${server.url}/oauth/authorize?${new URLSearchParams({ ...authorize, [field]: 'a\u0000b' })}`, {
            redirect: 'manual',
          }),
          true,
        ),
    });
  }
  for (const path of [
    '/oauth/interaction/%00',
    '/oauth/interaction/nope',
    '/invite/%00',
    '/workspaces/%ED%A0%80',
    '/.well-known/oauth-protected-resource/%00',
  ]) {
    cases.push({
      what: `GET ${path}`,
      run: async () => check(await fetch(`${server.url}${path}`, { redirect: 'manual' }), path.includes('%00')),
    });
  }
  return cases;
}

for (const engine of await engines()) {
  describe(`hostile input on the ${engine.name} database`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server?.stop());

    const stillServes = async () => {
      const account = await fetch(`${server.url}/api/v1/account`, { headers: { authorization: `Bearer ${server.keys.northwind}` } });
      assert.equal(account.status, 200);
      for (const era of ERAS) {
        const answer = await rawMcp(server.url, server.keys.northwind, era, 'tools/call', {
          name: 'search_contacts',
          arguments: { search: 'a', per_page: 1 },
        });
        assert.equal(answer.body?.result?.isError, undefined, JSON.stringify(answer.body).slice(0, 300));
      }
    };

    test('every argument of every tool, in both protocol eras, and every other method', async () => {
      const cases = mcpCases(server);
      assert.ok(cases.length > 1500, `${cases.length} cases`);
      assert.deepEqual((await runAll(cases)).slice(0, 25), []);
      await stillServes();
    });

    test('every parameter of every REST route in openapi.json', async () => {
      const openapi = (await (await fetch(`${server.url}/openapi.json`)).json()) as Json;
      const cases = restCases(server, openapi);
      assert.ok(cases.length > 400, `${cases.length} cases`);
      assert.deepEqual((await runAll(cases)).slice(0, 25), []);
      await stillServes();
    });

    test('the authorization server and the dashboard forms', async () => {
      const cases = webCases(server);
      assert.deepEqual((await runAll(cases)).slice(0, 25), []);
      await stillServes();
    });
  });
}
