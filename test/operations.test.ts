// The cross-surface check: every example every operation declares gives the same answer over MCP 2026-07-28, MCP
// 2025 (stateless) and REST, and that answer parses with the operation's output schema. What each operation answers
// is tested beside it (src/operations/<toolset>/<tool>.test.ts); a new operation is covered here by its examples.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { resolveToolName } from '../src/operations/aliases.ts';
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

    test("Millimetric's argument names read as Parley's own, on every surface", async () => {
      const today = new Date(new Date().toISOString().slice(0, 10));
      const from = new Date(today.getTime() - 7 * 86_400_000).toISOString();
      const to = today.toISOString();
      const calls: Array<[tool: string, theirs: Record<string, unknown>, ours: Record<string, unknown>]> = [
        [
          'query_events',
          { from, to, event: 'page_view', project_slug: 'northwind-web', limit: 5 },
          { start_date: from, end_date: to, event: 'page_view', workspace: 'northwind-web', per_page: 5 },
        ],
        [
          'get_stats',
          { metric: 'count', from, to, group_by: 'project_id,source' },
          { metric: 'count', start_date: from, end_date: to, group_by: 'workspace,source' },
        ],
        [
          'top_sources',
          { from, to, breakdown: 'source_medium', limit: 20 },
          { start_date: from, end_date: to, breakdown: 'source_medium', limit: 20 },
        ],
        ['compare_projects', { from, to, metric: 'uniques' }, { start_date: from, end_date: to, metric: 'uniques' }],
        // Several projects: the workspaces named, comma-separated.
        [
          'get_stats',
          { metric: 'uniques', from, to, group_by: 'project_id', project_ids: ['northwind-eu', 'northwind-web'] },
          { metric: 'uniques', start_date: from, end_date: to, group_by: 'workspace', workspace: 'northwind-eu,northwind-web' },
        ],
        [
          'compare_projects',
          { from, to, metric: 'count', project_ids: ['northwind-web', 'northwind-eu'] },
          { start_date: from, end_date: to, metric: 'count', workspace: 'northwind-web,northwind-eu' },
        ],
      ];
      for (const [tool, theirs, ours] of calls) {
        const expected = await callTool(modern, tool, ours);
        assert.ok(JSON.stringify(expected).length > 300, `${tool}: an answer with data: ${JSON.stringify(expected)}`);
        assert.deepEqual(await callTool(modern, tool, theirs), expected, `${tool} over MCP 2026-07-28`);
        assert.deepEqual(await callTool(legacy, tool, theirs), expected, `${tool} over MCP 2025`);
        const request = restRequest(OPERATIONS.find((op) => op.name === resolveToolName(tool))!, theirs);
        const viaRest = await rest(server.url, server.keys.northwind, request.path, request.init);
        assert.deepEqual([viaRest.status, viaRest.body], [200, expected], `${tool} over REST ${request.path}`);
      }
      const refusal = async (args: Record<string, unknown>) => {
        const result = await modern.callTool({ name: 'query_events', arguments: args });
        assert.equal(result.isError, true, JSON.stringify(result));
        return (result.content as Array<{ text: string }>)[0]!.text;
      };
      // Two names for one argument are refused, not one silently preferred; a bad value is named as the caller named it.
      assert.match(await refusal({ from, start_date: from }), /"start_date" and "from" both give start_date/);
      assert.match(await refusal({ project_id: 'northwind-web', project_slug: 'northwind-web' }), /"project_id" and "project_slug" both/);
      assert.match(await refusal({ limit: 500 }), /^limit: Too big: .*100/);
      assert.match(await refusal({ project_ids: ['northwind-web', 'bluebird-clinics'] }), /No workspace "bluebird-clinics"/);
      // Two workspaces read as the two together: their totals add up.
      const total = async (workspace: string) =>
        ((await callTool(modern, 'query_events', { workspace, start_date: from, end_date: to })).pagination as { total: number }).total;
      const [web, eu] = [await total('northwind-web'), await total('northwind-eu')];
      assert.ok(web > 0 && eu > 0, `events in both workspaces: ${web}, ${eu}`);
      assert.equal(await total('northwind-web, northwind-eu'), web + eu);
      assert.equal(await total('northwind-web,'), web);
      assert.match(await refusal({ workspace: ' , ' }), /^workspace: name a workspace id or slug/);
      // A write goes to one workspace.
      const write = await modern.callTool({
        name: 'track_event',
        arguments: { workspace: 'northwind-web,northwind-eu', event: 'x', anonymous_id: 'a' },
      });
      assert.match((write.content as Array<{ text: string }>)[0]!.text, /one workspace/);
      // Over REST a repeated parameter that takes one value is refused, not read as its last value.
      const repeated = await rest(server.url, server.keys.northwind, '/events?workspace=northwind-web&workspace=northwind-eu');
      assert.equal(repeated.status, 400, JSON.stringify(repeated.body));
      assert.match(JSON.stringify(repeated.body), /workspace: Invalid input: expected string, received array/);
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
