// What an MCP client is offered: toolsets and single tools narrow tools/list and the instructions, in both eras; the
// resources read through the same operations as the tools.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OPERATIONS } from '../src/operations/registry.ts';
import { mcpClient } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

type Json = Record<string, any>;

describe('tool selection and resources', async () => {
  const engine = (await engines()).at(-1)!;
  let server: TestServer;

  before(async () => {
    server = await startTestServer(engine);
  });
  after(() => server?.stop());

  test('toolsets and single tools narrow tools/list, and the instructions follow the toolsets, in both eras', async () => {
    for (const era of ['modern', 'legacy'] as const) {
      const narrowed = await mcpClient(server.url, server.keys.northwind, era, '?toolsets=conversations,account&tools=get_contact');
      const names = (await narrowed.listTools()).tools.map((t) => t.name);
      const instructions = narrowed.getInstructions() ?? '';
      await narrowed.close();
      assert.deepEqual(
        names.sort(),
        [
          'call_tool',
          'find_tools',
          'get_account_info',
          'get_contact',
          'get_conversation',
          'get_usage_summary',
          'list_audit_log',
          'list_conversation_messages',
          'list_workspaces',
          'search_conversations',
          'send_conversation_message',
        ],
        `${era}: the catalogue comes along`,
      );
      assert.match(instructions, /^conversations: search_conversations finds/m, era);
      assert.doesNotMatch(instructions, /^visitors:/m, era);
      assert.match(instructions, /More toolsets, by connecting with \?toolsets=<ids> \(or all\): contacts \(/, era);

      const only = await mcpClient(server.url, server.keys.northwind, era, '?tools=get_contact,query_events');
      assert.deepEqual(
        (await only.listTools()).tools.map((t) => t.name),
        ['get_contact', 'query_events'],
        'naming only tools gets just those',
      );
      await assert.rejects(only.callTool({ name: 'get_account_info', arguments: {} }), /Unknown tool/);
      await only.close();
    }
    const all = await mcpClient(server.url, server.keys.northwind, 'modern', '?toolsets=all');
    assert.equal((await all.listTools()).tools.length, OPERATIONS.length);
    await all.close();
    for (const [query, message] of [
      ['?toolsets=nope', /Unknown toolset\(s\): nope/],
      ['?tools=get_nothing', /Unknown tool\(s\): get_nothing/],
    ] as const) {
      const bad = await fetch(`${server.url}/mcp${query}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.keys.northwind}`, 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(bad.status, 400);
      assert.match(JSON.stringify(await bad.json()), message);
    }
  });

  test('resources read the same data as the tools', async () => {
    const mcp = await mcpClient(server.url, server.keys.northwind, 'modern');
    const { resources } = await mcp.listResources();
    assert.deepEqual(resources.map((r) => r.uri).sort(), ['events://recent', 'parley://workspaces', 'schema://events']);
    const read = async (uri: string) => JSON.parse(((await mcp.readResource({ uri })).contents[0] as { text: string }).text) as Json;
    const recent = await read('events://recent');
    assert.equal(
      recent.events.length + (recent.truncated?.omitted ?? 0),
      100,
      'the 100 latest, less what the size bound cut (and says it cut)',
    );
    assert.ok((await read('schema://events')).event_types.some((t: Json) => t.name === 'meeting_booked'));
    const [web] = await server.sql<{ id: string }>("select id from workspaces where slug = 'northwind-web'");
    assert.equal((await read(`parley://workspace/${web!.id}`)).range.timezone, 'America/New_York');
    await assert.rejects(mcp.readResource({ uri: 'parley://workspace/ws_nope' }));
    await mcp.close();
  });
});
