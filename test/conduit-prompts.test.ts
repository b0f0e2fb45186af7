// Conduit's four example prompts (../shared/seeds/001), scripted as a model would run them from the default tool list
// (tools outside it through call_tool), over MCP in both eras and on both engines, each answer checked against SQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import { mcpClient, type Era } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { daysAgo } from './helpers/operations.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

type Json = Record<string, any>;

/** A model's session: tools on the list are called directly, others through call_tool; every call is counted. */
class Session {
  calls: string[] = [];
  private constructor(
    private client: Client,
    private listed: Set<string>,
  ) {}

  static async open(server: TestServer, era: Era): Promise<Session> {
    const client = await mcpClient(server.url, server.keys.northwind, era);
    return new Session(client, new Set((await client.listTools()).tools.map((t) => t.name)));
  }

  async use(name: string, args: Json): Promise<{ result: Json; bytes: number }> {
    const direct = this.listed.has(name);
    this.calls.push(name);
    const answer = await this.client.callTool(
      direct ? { name, arguments: args } : { name: 'call_tool', arguments: { name, arguments: args } },
    );
    if (answer.isError) assert.fail(`${name} failed: ${JSON.stringify(answer.content)}`);
    const structured = answer.structuredContent as Json;
    return { result: direct ? structured : structured.result, bytes: JSON.stringify(answer.content).length };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

for (const engine of await engines()) {
  describe(`Conduit's example prompts on the ${engine.name} database`, () => {
    let server: TestServer;
    let workspace: { id: string; slug: string; timezone: string };

    before(async () => {
      server = await startTestServer(engine);
      // The Northwind workspace with the help desk and the knowledge base the prompts ask about.
      [workspace] = (await server.sql(
        `select w.id, w.slug, w.timezone from workspaces w join accounts a on a.id = w.account_id where a.slug = 'northwind'
         and exists (select 1 from kb_articles k where k.workspace_id = w.id and k.content ilike '%48 hours%')
         order by w.created_at, w.id limit 1`,
      )) as [typeof workspace];
    });
    after(() => server?.stop());

    for (const era of ['legacy', 'modern'] as const) {
      test(`${era}: the three most urgent open tickets touched in the last 24 hours, with customer and summary, in one call`, async () => {
        const session = await Session.open(server, era);
        const { result } = await session.use('list_tickets', {
          workspace: workspace.slug,
          status: ['open'],
          touched_within_hours: 24,
          per_page: 100,
        });
        await session.close();
        // Urgency as documented, written out again here: priority, then the due time that comes next, then the longest untouched.
        const expected = await server.sql<{ id: string; name: string | null }>(
          `select t.id, ct.name from tickets t left join contacts ct on ct.id = t.contact_id
           where t.workspace_id = $1 and t.status = 'open' and t.last_activity_at >= now() - interval '24 hours'
           order by array_position(array['urgent', 'high', 'normal', 'low'], t.priority),
             case when t.first_responded_at is null then t.first_response_due_at else t.resolution_due_at end nulls last,
             t.last_activity_at, t.id`,
          [workspace.id],
        );
        assert.ok(expected.length >= 3, 'the demo has enough open tickets touched today');
        const tickets = result.tickets as Json[];
        assert.deepEqual(
          tickets.map((t) => t.id),
          expected.map((t) => t.id),
        );
        for (const [i, ticket] of tickets.slice(0, 3).entries()) {
          assert.equal(ticket.customer_name, expected[i]!.name);
          assert.ok(ticket.summary.length > 10 && ticket.summary.length <= 300, 'a one-line summary');
          assert.ok(ticket.tags.length > 0, 'tags to group by topic');
        }
        assert.deepEqual(session.calls, ['list_tickets']);
      });

      test(`${era}: the latest conversation where the contact mentioned "double charge" in the last week, its thread with timestamps`, async () => {
        const session = await Session.open(server, era);
        const start = daysAgo(6, workspace.timezone);
        const found = await session.use('search_conversations', { workspace: workspace.slug, query: 'double charge', start_date: start });
        const conversations = found.result.conversations as Json[];
        const expected = await server.sql<{ id: string }>(
          `select c.id from conversations c where c.workspace_id = $1 and c.started_at >= $2 and exists (select 1 from messages m
             where m.conversation_id = c.id and m.role = 'visitor' and m.body ilike '%double charg%')
           order by c.started_at desc, c.id desc`,
          [workspace.id, found.result.range.start],
        );
        assert.ok(expected.length > 0, 'the demo has a double charge this week');
        assert.equal(conversations[0]?.id, expected[0]!.id, 'the most recent one comes first');
        for (const { id } of expected)
          assert.ok(
            conversations.some((c) => c.id === id),
            `${id} is found`,
          );
        const thread = await session.use('list_conversation_messages', { conversation_id: expected[0]!.id, per_page: 100 });
        await session.close();
        const messages = await server.sql<{ id: string; created_at: Date }>(
          'select id, created_at from messages where conversation_id = $1 order by created_at, id',
          [expected[0]!.id],
        );
        assert.deepEqual(
          (thread.result.messages as Json[]).map((m) => [m.id, Date.parse(m.created_at)]),
          messages.map((m) => [m.id, new Date(m.created_at).getTime()]),
        );
        assert.deepEqual(session.calls, ['search_conversations', 'list_conversation_messages']);
      });

      test(`${era}: the last twenty messages of a refund conversation and the refund policy to cite, nothing sent`, async () => {
        const [conversation] = await server.sql<{ id: string; n: number }>(
          `select c.id, (select count(*) from messages m where m.conversation_id = c.id) as n from conversations c
           where c.workspace_id = $1 and exists (select 1 from messages m where m.conversation_id = c.id and m.body ilike '%refund%')
           order by c.message_count desc, c.id limit 1`,
          [workspace.id],
        );
        assert.ok(conversation);
        const session = await Session.open(server, era);
        const { result: pulled } = await session.use('get_conversation', { conversation_id: conversation.id });
        assert.equal(pulled.conversation.id, conversation.id);
        const { result: latest } = await session.use('list_conversation_messages', {
          conversation_id: conversation.id,
          order: 'newest_first',
          per_page: 20,
        });
        const { result: policy } = await session.use('search_knowledge', { workspace: workspace.slug, query: 'refund' });
        await session.close();
        const last20 = await server.sql<{ id: string }>(
          'select id from messages where conversation_id = $1 order by created_at desc, id desc limit 20',
          [conversation.id],
        );
        assert.deepEqual(
          (latest.messages as Json[]).map((m) => m.id),
          last20.map((m) => m.id),
        );
        const nodes = await server.sql<{ path: string }>(
          `select path from kb_articles where workspace_id = $1 and (title ilike '%refund%' or content ilike '%refund%')`,
          [workspace.id],
        );
        const matches = policy.matches as Json[];
        assert.ok(matches.length > 0);
        for (const match of matches)
          assert.ok(
            nodes.some((n) => n.path === match.path),
            `${match.path} mentions refunds`,
          );
        assert.ok(
          matches.some((m) => (m.sentences as string[]).some((s) => /refund/i.test(s))),
          'a sentence to cite',
        );
        const [after] = await server.sql<{ n: number }>('select count(*) as n from messages where conversation_id = $1', [conversation.id]);
        assert.equal(after!.n, conversation.n, 'a draft sends nothing');
      });

      test(`${era}: every knowledge node still saying "48 hours", with title, path and sentence, in one call under 4 KB`, async () => {
        const session = await Session.open(server, era);
        const { result, bytes } = await session.use('search_knowledge', { workspace: workspace.slug, query: '48 hours' });
        await session.close();
        const expected = await server.sql<{ title: string; path: string }>(
          `select title, path from kb_articles where workspace_id = $1 and (content ilike '%48 hours%' or title ilike '%48 hours%') order by path`,
          [workspace.id],
        );
        const matches = result.matches as Json[];
        assert.deepEqual(
          matches.map((m) => ({ title: m.title, path: m.path })).sort((a, b) => a.path.localeCompare(b.path)),
          expected,
        );
        for (const match of matches)
          assert.ok(
            (match.sentences as string[]).every((s) => /48 hours/i.test(s)),
            match.path,
          );
        assert.ok(bytes < 4096, `${bytes} bytes`);
        assert.deepEqual(session.calls, ['search_knowledge']);
      });
    }
  });
}
