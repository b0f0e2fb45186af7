import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod';
import { callTool as callMcpTool, mcpClient, rest } from '../../../test/helpers/clients.ts';
import { engines } from '../../../test/helpers/engines.ts';
import { testPrincipal } from '../../../test/helpers/principal.ts';
import { startTestServer, type TestServer } from '../../../test/helpers/server.ts';
import { account } from '../account/index.ts';
import { defineOperation, type OperationContext, type Toolset } from '../define.ts';
import { OPERATIONS } from '../registry.ts';
import { findTools } from './find-tools.ts';

type Found = {
  tools: Array<{ name: string; toolset: string; read_only: boolean; how_to_call: string; input_schema?: { properties?: object } }>;
  total_matches: number;
};
const engine = (await engines()).at(-1)!; // PostgreSQL where there is one (see reliability.test.ts)

describe('find_tools', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(engine);
  });
  after(() => server.stop());

  test("ranks the tools a task names, with how to call each and read tools' input schemas, in both eras and over REST", async () => {
    for (const era of ['modern', 'legacy'] as const) {
      const client = await mcpClient(server.url, server.keys.northwindReadOnly, era, '?toolsets=account');
      const found = await callMcpTool<Found>(client, 'find_tools', { query: 'the journey of a visitor' });
      await client.close();
      assert.equal(found.tools[0]!.name, 'get_visitor_journey', era);
      assert.equal(found.tools[0]!.toolset, 'visitors');
      assert.match(found.tools[0]!.how_to_call, /call_tool with name "get_visitor_journey"/);
      assert.ok(found.tools[0]!.input_schema?.properties && 'visitor_id' in found.tools[0]!.input_schema.properties);
    }
    const all = await rest<Found>(server.url, server.keys.northwind, '/tools?limit=30');
    assert.equal(all.status, 200);
    assert.equal(all.body.total_matches, OPERATIONS.length, 'no query: every tool the credential may use');
    const companies = await rest<Found>(server.url, server.keys.northwind, '/tools?query=companies&toolset=contacts');
    assert.ok(companies.body.tools.every((t) => t.toolset === 'contacts'));
    assert.equal(companies.body.tools[0]!.name, 'list_companies');
    assert.equal((await rest<Found>(server.url, server.keys.northwind, '/tools?query=zzzz')).body.total_matches, 0);
  });
});

test("write tools are described with how to connect to them, never with a way round the client's approval", async () => {
  const write = defineOperation({
    name: 'send_message',
    title: 'Send a message',
    description: 'Sends a message to a contact.',
    scope: 'write',
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    input: z.object({}),
    output: z.object({}),
    examples: [{ summary: 'A send', input: {} }],
    run: async () => ({}),
  });
  const toolsets: Toolset[] = [
    account,
    { id: 'messages', description: 'Messages.', default: false, instructions: 'Send them.', operations: [write] },
  ];
  const ctx = (scopes: Parameters<typeof testPrincipal>[0]) => ({ principal: testPrincipal(scopes) }) as OperationContext;
  const found = (await findTools(() => toolsets).run(ctx(['read', 'write']), { query: 'send a message', limit: 8 })) as Found;
  assert.equal(found.tools[0]!.name, 'send_message');
  assert.equal(found.tools[0]!.input_schema, undefined);
  assert.match(found.tools[0]!.how_to_call, /runs only as itself.*\?tools=send_message \(or \?toolsets=messages\)/);
  const readOnly = (await findTools(() => toolsets).run(ctx(['read']), { query: 'send a message', limit: 8 })) as Found;
  assert.ok(!readOnly.tools.some((t) => t.name === 'send_message'), 'a credential that cannot write is not offered write tools');
});
