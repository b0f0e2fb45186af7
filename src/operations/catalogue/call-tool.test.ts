import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mcpClient, rest } from '../../../test/helpers/clients.ts';
import { engines } from '../../../test/helpers/engines.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { listCompanies } from '../contacts/list-companies.ts';

const engine = (await engines()).at(-1)!; // PostgreSQL where there is one (see reliability.test.ts)

describe('call_tool', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(engine);
  });
  after(() => server.stop());

  test('runs a read tool outside the list and returns its result unchanged, in both eras and over REST', async () => {
    for (const era of ['modern', 'legacy'] as const) {
      const client = await mcpClient(server.url, server.keys.northwind, era, '?toolsets=account');
      assert.ok(!(await client.listTools()).tools.some((t) => t.name === 'list_companies'));
      const called = await client.callTool({ name: 'call_tool', arguments: { name: 'list_companies', arguments: { per_page: 2 } } });
      const direct = await rest<Record<string, unknown>>(server.url, server.keys.northwind, '/companies?per_page=2');
      await client.close();
      assert.ok(!called.isError, JSON.stringify(called.content));
      const { tool, result } = called.structuredContent as { tool: string; result: unknown };
      assert.equal(tool, 'list_companies');
      assert.ok(listCompanies.output.safeParse(result).success);
      assert.deepEqual(result, direct.body, era);
    }
    const viaRest = await rest<{ tool: string }>(server.url, server.keys.northwind, '/tools/list_companies/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"arguments":{"per_page":1}}',
    });
    assert.equal(viaRest.status, 200);
    assert.equal(viaRest.body.tool, 'list_companies');
    const twice = await rest<{ error: { code: string; message: string } }>(
      server.url,
      server.keys.northwind,
      '/tools/list_companies/call',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"get_contact"}' },
    );
    assert.equal(twice.status, 400, 'a path parameter repeated in the body is refused, not silently overridden');
    assert.match(twice.body.error.message, /"name" is given by the path/);
  });

  test("names what went wrong: an unknown tool, a catalogue tool, or the called tool's own argument errors", async () => {
    const client = await mcpClient(server.url, server.keys.northwind, 'modern');
    const error = async (args: Record<string, unknown>) => {
      const result = await client.callTool({ name: 'call_tool', arguments: args });
      assert.equal(result.isError, true, JSON.stringify(result));
      return [result._meta?.['parley/error_code'] as string, (result.content as Array<{ text: string }>)[0]!.text] as const;
    };
    const [unknownCode, unknownText] = await error({ name: 'get_nothing' });
    assert.equal(unknownCode, 'not_found');
    assert.match(unknownText!, /find_tools lists/);
    assert.equal((await error({ name: 'find_tools' }))[0], 'invalid_argument');
    const [badCode, badText] = await error({ name: 'list_companies', arguments: { per_page: 1000 } });
    assert.equal(badCode, 'invalid_argument');
    assert.match(badText!, /^list_companies: per_page/);
    await client.close();
  });

  test('a call through call_tool is charged once, not twice', async () => {
    await server.sql("update accounts set rate_limits = '{\"per_minute\": 2}' where slug = 'bluebird'");
    server.authenticator.invalidate();
    const client = await mcpClient(server.url, server.keys.bluebird, 'modern');
    for (let i = 0; i < 2; i++) {
      const result = await client.callTool({ name: 'call_tool', arguments: { name: 'get_account_info' } });
      assert.ok(!result.isError, `call ${i + 1} of 2 is within the limit: ${JSON.stringify(result.content)}`);
    }
    const third = await client.callTool({ name: 'call_tool', arguments: { name: 'get_account_info' } });
    assert.equal(third._meta?.['parley/error_code'], 'rate_limited');
    await client.close();
  });
});
