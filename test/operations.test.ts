// The cross-surface check: every example every operation declares gives the same answer over MCP 2026-07-28, MCP
// 2025 (stateless) and REST, and that answer parses with the operation's output schema. What each operation answers
// is tested beside it (src/operations/<toolset>/<tool>.test.ts); a new operation is covered here by its examples.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { OPERATIONS } from '../src/operations/registry.ts';
import { successStatus } from '../src/rest/router.ts';
import { callTool, mcpClient, rest } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { demoIds, examplesOf, restRequest } from './helpers/examples.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

for (const engine of await engines()) {
  describe(`every operation's examples agree across surfaces on the ${engine.name} database`, () => {
    let server: TestServer;
    let modern: Client;
    let legacy: Client;
    let ids: Map<string, string>;

    before(async () => {
      server = await startTestServer(engine);
      modern = await mcpClient(server.url, server.keys.northwind, 'modern', '?toolsets=all');
      legacy = await mcpClient(server.url, server.keys.northwind, 'legacy', '?toolsets=all');
      ids = await demoIds(server.sql, 'northwind');
      // A client that has listed the tools checks every structured result against the tool's output schema, where
      // no field may be left undeclared: a result carrying more than it declares fails here.
      await modern.listTools();
      await legacy.listTools();
    });
    after(async () => {
      await modern?.close();
      await legacy?.close();
      await server?.stop();
    });

    for (const op of OPERATIONS) {
      test(op.name, async () => {
        for (const [index, example] of examplesOf(op, ids).entries()) {
          const summary = example.summary;
          // A write runs once: the same idempotency key makes the other two surfaces replay its answer.
          const input = op.scope !== 'read' ? { ...example.input, idempotency_key: `cross-surface-${op.name}-${index}` } : example.input;
          const viaModern = await callTool(modern, op.name, input);
          const viaLegacy = await callTool(legacy, op.name, input);
          const request = restRequest(op, input);
          const viaRest = await rest(server.url, server.keys.northwind, request.path, request.init);
          assert.equal(viaRest.status, successStatus(op), `${summary}: ${JSON.stringify(viaRest.body)}`);
          assert.deepEqual(viaLegacy, viaModern, `${summary}: MCP 2025 and 2026-07-28 differ`);
          assert.deepEqual(viaRest.body, viaModern, `${summary}: REST and MCP differ`);
          const parsed = op.output.safeParse(viaModern);
          assert.ok(parsed.success, `${summary}: outside the output schema: ${parsed.error?.message}`);
        }
      });
    }
  });
}
