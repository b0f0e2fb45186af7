// POST /api/v1/track over HTTP: server keys as on every route, publishable keys from the pages of the workspace's
// tracking origins only (CORS, sendBeacon's ?key= and text/plain), and clear refusals for everything else.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey } from '../src/domain/credentials/commands.ts';
import { rest } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const SITE = 'https://shop.example';

for (const engine of await engines()) {
  describe(`tracking over HTTP on the ${engine.name} database`, () => {
    let server: TestServer;
    let publishable: string;
    let secret: string;
    let workspace: { id: string; account_id: string };

    before(async () => {
      server = await startTestServer(engine);
      [workspace] = (await server.sql<{ id: string; account_id: string }>(
        "select w.id, w.account_id from workspaces w join accounts a on a.id = w.account_id where a.slug = 'northwind' order by w.created_at, w.id limit 1",
      )) as [{ id: string; account_id: string }];
      await server.sql('update workspaces set tracking_origins = $2 where id = $1', [workspace.id, [SITE]]);
      const key = (kind: 'publishable' | 'secret') =>
        createApiKey(server.db, { accountId: workspace.account_id, workspaceId: workspace.id, kind, name: `tracking ${kind}` });
      publishable = (await key('publishable')).secret;
      secret = (await key('secret')).secret;
    });
    after(() => server?.stop());

    const track = (body: unknown, init: { key?: string; query?: string; headers?: Record<string, string> } = {}) =>
      rest<Record<string, unknown> & { error?: { code: string; message: string } }>(server.url, init.key, `/track${init.query ?? ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...init.headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    test('a server key tracks from anywhere; the Idempotency-Key header makes a retry count once', async () => {
      const event = { event: 'signup', anonymous_id: 'server-1' };
      const first = await track(event, { key: secret, headers: { 'idempotency-key': 'http-track-1' } });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.accepted, 1);
      const retry = await track(event, { key: secret, headers: { 'idempotency-key': 'http-track-1' } });
      assert.deepEqual(retry.body, first.body);
      const [row] = await server.sql<{ n: number; kind: string }>(
        "select count(*) as n, min(e.kind) as kind from events e join visitors v on v.id = e.visitor_id where v.anonymous_id = 'server-1'",
      );
      assert.deepEqual([row!.n, row!.kind], [1, 'custom']);
    });

    test("a page of a tracking origin sends with the publishable key, by header or sendBeacon's ?key= and text/plain", async () => {
      const preflight = await fetch(`${server.url}/api/v1/track`, {
        method: 'OPTIONS',
        headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), SITE);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);

      const byHeader = await track(
        { event: 'page_view', anonymous_id: 'browser-1', url: `${SITE}/` },
        { key: publishable, headers: { origin: SITE } },
      );
      assert.equal(byHeader.status, 200, JSON.stringify(byHeader.body));
      assert.equal(byHeader.headers.get('access-control-allow-origin'), SITE);

      const beacon = await track(JSON.stringify({ batch: [{ event: 'page_view', anonymous_id: 'browser-1', url: `${SITE}/pricing` }] }), {
        query: `?key=${publishable}`,
        headers: { origin: SITE, 'content-type': 'text/plain;charset=UTF-8' },
      });
      assert.equal(beacon.status, 200, JSON.stringify(beacon.body));
      const rows = await server.sql<{ path: string; kind: string; workspace_id: string }>(
        "select e.path, e.kind, e.workspace_id from events e join visitors v on v.id = e.visitor_id where v.anonymous_id = 'browser-1' order by e.path",
      );
      assert.deepEqual(
        rows.map((r) => [r.path, r.kind, r.workspace_id]),
        [
          ['/', 'browser', workspace.id],
          ['/pricing', 'browser', workspace.id],
        ],
      );
    });

    test('a publishable key is refused from other origins, without an origin, in another workspace and on every read', async () => {
      const event = { event: 'page_view', anonymous_id: 'browser-2' };
      const elsewhere = await track(event, { key: publishable, headers: { origin: 'https://evil.example' } });
      assert.equal(elsewhere.status, 403);
      assert.equal(elsewhere.body.error?.code, 'origin_not_allowed');
      assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);
      const noOrigin = await track(event, { key: publishable });
      assert.equal(noOrigin.status, 403);
      assert.match(noOrigin.body.error!.message, /names no Origin/);
      const other = await server.sql<{ id: string }>(
        "select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = 'bluebird' limit 1",
      );
      const cross = await track({ ...event, workspace: other[0]!.id }, { key: publishable, headers: { origin: SITE } });
      assert.equal(cross.status, 404);
      const read = await rest<{ error: { code: string } }>(server.url, publishable, '/events');
      assert.deepEqual([read.status, read.body.error.code], [403, 'key_kind_not_allowed']);
      const mcp = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${publishable}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      assert.equal(mcp.status, 403);
      const [{ n }] = (await server.sql<{ n: number }>("select count(*) as n from visitors where anonymous_id = 'browser-2'")) as [
        { n: number },
      ];
      assert.equal(n, 0);
    });

    test("a publishable key's rate limit holds per visitor address, so one busy visitor never stops a site's others", async () => {
      const proxied = await startTestServer(engine, { TRUSTED_PROXIES: '127.0.0.1' });
      try {
        await proxied.sql('update workspaces set tracking_origins = $2 where id = $1', [workspace.id, [SITE]]);
        await proxied.sql(`update accounts set rate_limits = '{"per_minute": 2}' where id = $1`, [workspace.account_id]);
        const key = await createApiKey(proxied.db, {
          accountId: workspace.account_id,
          workspaceId: workspace.id,
          kind: 'publishable',
          name: 'limited',
        });
        const from = (address: string) =>
          rest<{ error?: { code: string } }>(proxied.url, key.secret, '/track', {
            method: 'POST',
            headers: { 'content-type': 'text/plain', origin: SITE, 'x-forwarded-for': address },
            body: JSON.stringify({ event: 'page_view', anonymous_id: `limited-${address}` }),
          });
        const busy = [await from('203.0.113.7'), await from('203.0.113.7'), await from('203.0.113.7')];
        assert.deepEqual(
          busy.map((r) => r.status),
          [200, 200, 429],
        );
        assert.equal((await from('198.51.100.4')).status, 200, 'another visitor still sends');
      } finally {
        await proxied.stop();
      }
    });

    test('a secret key in the URL, a batch of 10,000, a 1 MB property and a bad body get clear 4xx answers', async () => {
      const inUrl = await track({ event: 'x', anonymous_id: 'a' }, { query: `?key=${secret}` });
      assert.equal(inUrl.status, 400);
      assert.match(inUrl.body.error!.message, /Only a publishable key/);
      const huge = await track(
        { batch: Array.from({ length: 10_000 }, (_, i) => ({ event: 'e', anonymous_id: `a${i}` })) },
        { key: secret },
      );
      assert.ok(huge.status === 400 || huge.status === 413, String(huge.status));
      assert.ok(huge.body.error?.message, JSON.stringify(huge.body));
      const big = await track({ event: 'e', anonymous_id: 'a', properties: { blob: 'x'.repeat(1024 * 1024) } }, { key: secret });
      assert.equal(big.status, 413);
      assert.ok(big.body.error?.message);
      const broken = await track('{"event": ', { key: secret });
      assert.equal(broken.status, 400);
      assert.equal(broken.body.error?.code, 'invalid_json');
      const readOnly = await track({ event: 'e', anonymous_id: 'a' }, { key: server.keys.northwindReadOnly });
      assert.deepEqual([readOnly.status, readOnly.body.error?.code], [403, 'insufficient_scope']);
    });
  });
}
