import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { OPERATIONS } from '../src/operations/registry.ts';
import { callTool, mcpClient, rest } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const engine of await engines()) {
  describe(`operations on the ${engine.name} database`, () => {
    let server: TestServer;
    let mcp: Client;
    let legacy: Client;
    let web: { id: string; timezone: string };

    before(async () => {
      server = await startTestServer(engine);
      mcp = await mcpClient(server.url, server.keys.northwind, 'modern');
      legacy = await mcpClient(server.url, server.keys.northwind, 'legacy');
      [web] = (await server.sql<{ id: string; timezone: string }>("select id, timezone from workspaces where slug = 'northwind-web'")) as [{ id: string; timezone: string }];
    });
    after(async () => {
      await mcp?.close();
      await legacy?.close();
      await server?.stop();
    });

    /** The same call over MCP (both eras) and REST must give the same answer. */
    async function both(tool: string, args: Json, restPath: string): Promise<Json> {
      const viaMcp = await callTool<Json>(mcp, tool, args);
      const viaLegacy = await callTool<Json>(legacy, tool, args);
      const viaRest = await rest<Json>(server.url, server.keys.northwind, restPath);
      assert.equal(viaRest.status, 200, JSON.stringify(viaRest.body));
      assert.deepEqual(viaLegacy, viaMcp, `${tool}: legacy and modern MCP differ`);
      assert.deepEqual(viaRest.body, viaMcp, `${tool}: REST and MCP differ`);
      return viaMcp;
    }

    test('get_account_info names the account, its workspaces and scopes', async () => {
      const info = await both('get_account_info', {}, '/account');
      assert.equal(info.account.name, 'Northwind Labs');
      assert.deepEqual(info.workspaces.map((w: Json) => w.slug).sort(), ['northwind-eu', 'northwind-web']);
      assert.deepEqual(info.scopes, ['read', 'write']);
      assert.equal(info.credential.kind, 'account');
    });

    test('list_workspaces lists each workspace with its agents', async () => {
      const { workspaces } = await both('list_workspaces', {}, '/workspaces');
      const agents = await server.sql<{ workspace_id: string; n: number }>("select workspace_id, count(*) as n from agents group by 1");
      for (const w of workspaces) assert.equal(w.agents.length, agents.find((a) => a.workspace_id === w.id)?.n);
      assert.equal(workspaces.length, 2);
    });

    test('get_usage_summary counts the period and the one before it, in the workspace time zone', async () => {
      const summary = await both('get_usage_summary', { workspace: 'northwind-web', start_date: daysAgo(6, web.timezone) }, `/usage-summary?workspace=northwind-web&start_date=${daysAgo(6, web.timezone)}`);
      assert.equal(summary.range.timezone, 'America/New_York');
      assert.equal(summary.range.end_date, daysAgo(0, web.timezone));
      const count = async (sql: string, start: string, end: string) => (await server.sql<{ n: number }>(sql, [web.id, start, end]))[0]!.n;
      for (const [period, range] of [['current', summary.range], ['previous', summary.previous_range]] as const) {
        assert.equal(summary[period].conversations, await count('select count(*) as n from conversations where workspace_id = $1 and started_at >= $2 and started_at < $3', range.start, range.end));
        assert.equal(summary[period].conversations_with_visitor_interaction, await count('select count(*) as n from conversations where workspace_id = $1 and visitor_message_count > 0 and started_at >= $2 and started_at < $3', range.start, range.end));
        assert.equal(summary[period].contacts_created, await count('select count(*) as n from contacts where workspace_id = $1 and created_at >= $2 and created_at < $3', range.start, range.end));
        assert.equal(summary[period].journey_events.meeting_booked ?? 0, await count("select count(*) as n from events where workspace_id = $1 and name = 'meeting_booked' and occurred_at >= $2 and occurred_at < $3", range.start, range.end));
      }
      assert.equal(summary.previous_range.end, summary.range.start);
      assert.ok(summary.current.conversations > 0, 'the demo data has conversations this week');
    });

    test('get_usage_summary across workspaces sums them and breaks them down', async () => {
      const summary = await callTool<Json>(mcp, 'get_usage_summary', {});
      assert.equal(summary.by_workspace.length, 2);
      assert.equal(summary.current.conversations, summary.by_workspace.reduce((n: number, w: Json) => n + w.current.conversations, 0));
      assert.equal(summary.range.timezone, 'UTC', 'workspaces in different zones default to UTC');
    });

    test('search_conversations finds message text, with snippets and totals', async () => {
      const found = await both('search_conversations', { query: 'refund', per_page: 5 }, '/conversations?query=refund&per_page=5');
      const [{ n }] = (await server.sql<{ n: number }>(
        `select count(*) as n from conversations c where c.workspace_id = any($1) and c.started_at >= $2 and c.started_at < $3
         and exists (select 1 from messages m where m.conversation_id = c.id and m.search @@ websearch_to_tsquery('english', 'refund'))`,
        [found.conversations.map((c: Json) => c.workspace_id).concat(await workspaceIds('northwind')), found.range.start, found.range.end],
      )) as [{ n: number }];
      assert.equal(found.pagination.total, n);
      assert.ok(n > 5 && found.conversations.length === 5 && found.pagination.has_more);
      for (const c of found.conversations) assert.match(c.snippet, /\*\*refund/i);
      const page2 = await callTool<Json>(mcp, 'search_conversations', { query: 'refund', per_page: 5, page: 2 });
      assert.equal(page2.conversations.filter((c: Json) => found.conversations.some((f: Json) => f.id === c.id)).length, 0, 'pages do not overlap');
      const starts = found.conversations.map((c: Json) => c.started_at);
      assert.deepEqual([...starts].sort().reverse(), starts, 'newest first');
    });

    test('search_conversations filters by status and visitor', async () => {
      const escalated = await callTool<Json>(mcp, 'search_conversations', { status: 'escalated', per_page: 100 });
      assert.ok(escalated.conversations.length > 0 && escalated.conversations.every((c: Json) => c.status === 'escalated'));
      const visitorId = escalated.conversations[0].visitor_id;
      const byVisitor = await callTool<Json>(mcp, 'search_conversations', { visitor_id: visitorId, start_date: '2020-01-01' });
      assert.ok(byVisitor.conversations.every((c: Json) => c.visitor_id === visitorId));
    });

    test('get_conversation returns the whole transcript in order', async () => {
      const [row] = await server.sql<{ id: string; n: number }>(
        "select c.id, count(m.id) as n from conversations c join messages m on m.conversation_id = c.id join workspaces w on w.id = c.workspace_id where w.slug = 'northwind-web' and c.status = 'escalated' group by c.id order by c.started_at desc limit 1",
      );
      const conv = await both('get_conversation', { conversation_id: row!.id }, `/conversations/${row!.id}`);
      assert.equal(conv.messages.length, row!.n);
      assert.equal(conv.messages_total, row!.n);
      const times = conv.messages.map((m: Json) => m.created_at);
      assert.deepEqual([...times].sort(), times, 'chronological');
      assert.ok(conv.messages.some((m: Json) => m.role === 'human'), 'an escalated conversation has a human reply');
      assert.ok(conv.contact?.email);
    });

    test('search_contacts matches company names, all time', async () => {
      const found = await both('search_contacts', { search: 'acme', per_page: 100 }, '/contacts?search=acme&per_page=100');
      const [{ n }] = (await server.sql<{ n: number }>(
        `select count(*) as n from contacts ct left join companies co on co.id = ct.company_id join workspaces w on w.id = ct.workspace_id join accounts a on a.id = w.account_id
         where a.slug = 'northwind' and (ct.name ilike '%acme%' or ct.email ilike '%acme%' or ct.phone ilike '%acme%' or ct.company_name ilike '%acme%' or co.name ilike '%acme%' or co.domain ilike '%acme%')`,
      )) as [{ n: number }];
      assert.equal(found.pagination.total, n);
      assert.ok(n > 0);
      assert.equal(found.range, null);
      for (const c of found.contacts) assert.match(`${c.company_name} ${c.email}`, /acme/i);
    });

    test('get_contact bundles company, notes, conversations and timeline', async () => {
      const [row] = await server.sql<{ id: string }>('select contact_id as id from notes n join contacts c on c.id = n.contact_id join workspaces w on w.id = c.workspace_id where w.account_id = (select id from accounts where slug = $1) and c.company_id is not null limit 1', ['northwind']);
      const contact = await both('get_contact', { contact_id: row!.id }, `/contacts/${row!.id}`);
      assert.equal(contact.contact.id, row!.id);
      assert.ok(contact.company?.name);
      assert.ok(contact.notes.length >= 1);
      assert.ok(contact.conversations.every((c: Json) => c.contact_id === row!.id));
      assert.ok(contact.recent_events.every((e: Json) => e.contact_id === row!.id));
      assert.ok(contact.events_total >= contact.recent_events.length);
    });

    test('list_companies and get_company', async () => {
      const list = await both('list_companies', { search: 'acme' }, '/companies?search=acme');
      assert.ok(list.companies.length >= 1 && list.companies.every((c: Json) => /acme/i.test(c.name + c.domain)));
      const acme = list.companies[0];
      const one = await both('get_company', { company_id: acme.id }, `/companies/${acme.id}`);
      assert.equal(one.company.contact_count, acme.contact_count);
      assert.ok(one.contacts.every((c: Json) => c.company_id === acme.id));
    });

    test('visitor profiles: list, get, and the journey before a booked demo', async () => {
      const list = await both('list_visitor_profiles', { search: 'acme.com', per_page: 10 }, '/visitor-profiles?search=acme.com&per_page=10');
      assert.ok(list.visitors.length > 0);
      const [booked] = await server.sql<{ visitor_id: string; conversation_id: string; occurred_at: string }>(
        "select e.visitor_id, e.conversation_id, e.occurred_at from events e join workspaces w on w.id = e.workspace_id where w.slug = 'northwind-web' and e.name = 'meeting_booked' order by e.occurred_at desc limit 1",
      );
      const profile = await both('get_visitor_profile', { visitor_id: booked!.visitor_id }, `/visitor-profiles/${booked!.visitor_id}`);
      assert.equal(profile.visitor.id, booked!.visitor_id);
      assert.ok(profile.contact, 'a visitor who booked a demo became a contact');
      assert.ok(profile.latest_conversation);
      const journey = await both('get_visitor_journey', { visitor_id: booked!.visitor_id }, `/visitor-journey?visitor_id=${booked!.visitor_id}`);
      assert.ok(journey.journey.events.some((e: Json) => e.name === 'meeting_booked'));
      assert.ok(journey.browser_activity.events.every((e: Json) => e.kind === 'browser'));
      const [{ n }] = (await server.sql<{ n: number }>("select count(*) as n from events where visitor_id = $1 and kind = 'browser'", [booked!.visitor_id])) as [{ n: number }];
      assert.equal(journey.browser_activity.total, n);
      const before = await callTool<Json>(mcp, 'get_visitor_journey', { conversation_id: booked!.conversation_id, end_date: booked!.occurred_at });
      assert.equal(before.visitor_id, booked!.visitor_id);
      assert.ok(!before.journey.events.some((e: Json) => e.name === 'meeting_booked'), 'end_date excludes the booking itself');
      assert.ok(before.journey.events.some((e: Json) => e.name === 'session_started'));
    });

    test('list_events and list_event_types agree with the events table', async () => {
      const types = await both('list_event_types', { workspace: 'northwind-web' }, '/event-types?workspace=northwind-web');
      const rows = await server.sql<{ name: string; n: number }>('select name, count(*) as n from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3 group by name', [web.id, types.range.start, types.range.end]);
      assert.equal(types.event_types.length, rows.length);
      for (const t of types.event_types) assert.equal(t.count, rows.find((r) => r.name === t.name)?.n);
      const pageViews = types.event_types.find((t: Json) => t.name === 'page_view').count;
      const events = await both('list_events', { workspace: 'northwind-web', name: ['page_view'], per_page: 3 }, '/events?workspace=northwind-web&name=page_view&per_page=3');
      assert.equal(events.pagination.total, pageViews);
      assert.ok(events.events.every((e: Json) => e.name === 'page_view' && e.path));
    });

    test('resources read the same data as the tools', async () => {
      const { resources } = await mcp.listResources();
      assert.deepEqual(resources.map((r) => r.uri).sort(), ['events://recent', 'parley://workspaces', 'schema://events']);
      const read = async (uri: string) => JSON.parse(((await mcp.readResource({ uri })).contents[0] as { text: string }).text) as Json;
      const recent = await read('events://recent');
      assert.equal(recent.events.length + (recent.truncated?.omitted ?? 0), 100, 'the 100 latest, less what the size bound cut (and says it cut)');
      assert.ok((await read('schema://events')).event_types.some((t: Json) => t.name === 'meeting_booked'));
      assert.equal((await read(`parley://workspace/${web.id}`)).range.timezone, 'America/New_York');
      await assert.rejects(mcp.readResource({ uri: 'parley://workspace/ws_nope' }));
    });

    test('toolsets and single tools narrow tools/list, and the instructions follow the toolsets, in both eras', async () => {
      for (const era of ['modern', 'legacy'] as const) {
        const narrowed = await mcpClient(server.url, server.keys.northwind, era, '?toolsets=conversations,account&tools=get_contact');
        const names = (await narrowed.listTools()).tools.map((t) => t.name);
        const instructions = narrowed.getInstructions() ?? '';
        await narrowed.close();
        assert.deepEqual(names.sort(), ['call_tool', 'find_tools', 'get_account_info', 'get_contact', 'get_conversation', 'get_usage_summary', 'list_workspaces', 'search_conversations'], `${era}: the catalogue comes along`);
        assert.match(instructions, /^conversations: search_conversations finds/m, era);
        assert.doesNotMatch(instructions, /^visitors:/m, era);
        assert.match(instructions, /More toolsets, by connecting with \?toolsets=<ids> \(or all\): contacts \(/, era);

        const only = await mcpClient(server.url, server.keys.northwind, era, '?tools=get_contact,list_events');
        assert.deepEqual((await only.listTools()).tools.map((t) => t.name), ['get_contact', 'list_events'], 'naming only tools gets just those');
        await assert.rejects(only.callTool({ name: 'get_account_info', arguments: {} }), /Unknown tool/);
        await only.close();
      }
      const all = await mcpClient(server.url, server.keys.northwind, 'modern', '?toolsets=all');
      assert.equal((await all.listTools()).tools.length, OPERATIONS.length);
      await all.close();
      for (const [query, message] of [['?toolsets=nope', /Unknown toolset\(s\): nope/], ['?tools=get_nothing', /Unknown tool\(s\): get_nothing/]] as const) {
        const bad = await fetch(`${server.url}/mcp${query}`, { method: 'POST', headers: { Authorization: `Bearer ${server.keys.northwind}`, 'content-type': 'application/json' }, body: '{}' });
        assert.equal(bad.status, 400);
        assert.match(JSON.stringify(await bad.json()), message);
      }
    });

    test("another tenant's key sees none of this account's data, through any operation", async () => {
      const other = await mcpClient(server.url, server.keys.bluebird, 'modern');
      const northwindIds = await workspaceIds('northwind');
      const ids = {
        conversation_id: (await server.sql<{ id: string }>('select id from conversations where workspace_id = any($1) limit 1', [northwindIds]))[0]!.id,
        contact_id: (await server.sql<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [northwindIds]))[0]!.id,
        company_id: (await server.sql<{ id: string }>('select id from companies where workspace_id = any($1) limit 1', [northwindIds]))[0]!.id,
        visitor_id: (await server.sql<{ id: string }>('select id from visitors where workspace_id = any($1) limit 1', [northwindIds]))[0]!.id,
      };
      for (const op of OPERATIONS) {
        const required = (op.jsonSchema.input.required as string[] | undefined) ?? [];
        const args: Json = Object.fromEntries(required.map((name) => [name, ids[name as keyof typeof ids]]));
        if (op.name === 'get_visitor_journey') args.visitor_id = ids.visitor_id;
        const result = await other.callTool({ name: op.name, arguments: args });
        const text = JSON.stringify(result);
        for (const id of [...northwindIds, ...Object.values(ids)]) {
          assert.ok(!text.includes(`"${id}"`) || result.isError, `${op.name} leaked ${id}: ${text.slice(0, 300)}`);
        }
        if (required.length > 0 || op.name === 'get_visitor_journey') assert.equal(result.isError, true, `${op.name} must answer not found`);
        // The other tenant naming this tenant's workspace is refused as not visible.
        if ((op.jsonSchema.input.properties as Json).workspace) {
          const named = await other.callTool({ name: op.name, arguments: { workspace: northwindIds[0] } });
          assert.equal(named.isError, true, `${op.name} accepted a foreign workspace`);
        }
      }
      const viaRest = await rest<Json>(server.url, server.keys.bluebird, `/conversations/${ids.conversation_id}`);
      assert.equal(viaRest.status, 404);
      assert.equal(viaRest.body.error.code, 'not_found');
      await other.close();
    });

    test('a workspace read-only key sees only its workspace', async () => {
      const ro = await mcpClient(server.url, server.keys.northwindReadOnly, 'modern');
      const info = await callTool<Json>(ro, 'get_account_info');
      assert.equal(info.workspaces.length, 1);
      assert.deepEqual(info.scopes, ['read']);
      const convs = await callTool<Json>(ro, 'search_conversations', { per_page: 100 });
      assert.ok(convs.conversations.every((c: Json) => c.workspace_id === info.workspaces[0].id));
      await ro.close();
    });

    async function workspaceIds(accountSlug: string): Promise<string[]> {
      return (await server.sql<{ id: string }>('select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = $1', [accountSlug])).map((r) => r.id);
    }
  });
}

function daysAgo(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() - days * 86_400_000));
}
