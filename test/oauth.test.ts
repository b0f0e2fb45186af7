import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { hashToken } from '../src/keys/tokens.ts';
import { pruneOAuthStore } from '../src/domain/oauth/commands.ts';
import { callTool } from './helpers/clients.ts';
import { engines } from './helpers/engines.ts';
import { approve, createUser, mcpCall, MemoryOAuthClient, pkce, registerClient, tokenRequest } from './helpers/oauth.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

type Json = Record<string, any>;

/** A client connected with what the SDK's OAuth provider holds. */
async function oauthClient(server: TestServer, provider: MemoryOAuthClient): Promise<Client> {
  const client = new Client({ name: 'parley-oauth-tests', version: '1.0.0' });
  // The public URL (localhost): the client checks that the protected-resource metadata names the server it called.
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${server.url.replace('127.0.0.1', 'localhost')}/mcp`), { authProvider: provider }),
  );
  return client;
}

for (const engine of await engines()) {
  describe(`OAuth 2.1 for MCP clients on the ${engine.name} database`, () => {
    let server: TestServer;
    const resource = () => `${server.url.replace('127.0.0.1', 'localhost')}/mcp`;

    before(async () => {
      server = await startTestServer(engine);
      await createUser(server, 'Northwind', 'owner', 'nora@northwind.example');
      await createUser(server, 'Northwind', 'member', 'max@northwind.example');
      await createUser(server, 'Bluebird', 'owner', 'bea@bluebird.example');
    });
    after(() => server?.stop());

    /** A registered public client and a code for it, as far as the authorization response. */
    async function authorize(
      options: { scope?: string; approval?: Parameters<typeof approve>[2]; extra?: Record<string, string>; redirect?: string } = {},
    ) {
      const redirect = options.redirect ?? 'http://127.0.0.1:43111/callback';
      const registered = await registerClient(server, {
        client_name: 'Raw client',
        redirect_uris: [redirect],
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
      });
      assert.equal(registered.status, 201, JSON.stringify(registered.body));
      const clientId = registered.body.client_id as string;
      const { verifier, challenge } = pkce();
      const url = new URL(`${resource().replace('/mcp', '')}/oauth/authorize`);
      const params = {
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirect,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'st4te',
        scope: options.scope ?? 'mcp:read mcp:write offline_access',
        resource: resource(),
        ...options.extra,
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const result = await approve(server, url, options.approval ?? { email: 'nora@northwind.example' });
      return { clientId, verifier, redirect, result, code: result.redirect?.searchParams.get('code') ?? undefined };
    }

    async function tokens(options: Parameters<typeof authorize>[0] = {}) {
      const flow = await authorize(options);
      assert.ok(flow.code, `no code: ${flow.result.redirect ?? flow.result.body}`);
      const exchanged = await tokenRequest(server, {
        grant_type: 'authorization_code',
        code: flow.code!,
        code_verifier: flow.verifier,
        redirect_uri: flow.redirect,
        client_id: flow.clientId,
        resource: resource(),
      });
      assert.equal(exchanged.status, 200, JSON.stringify(exchanged.body));
      return { ...flow, access: exchanged.body.access_token!, refresh: exchanged.body.refresh_token, body: exchanged.body };
    }

    const refresh = (clientId: string, refreshToken: string, extra: Record<string, string> = {}) =>
      tokenRequest(server, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, ...extra });

    test('discovery: protected-resource metadata, authorization-server metadata, and the 401 challenge that points to them', async () => {
      const unauthenticated = await fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      assert.equal(unauthenticated.status, 401);
      const challenge = unauthenticated.headers.get('www-authenticate')!;
      const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
      assert.equal(metadataUrl, `${resource().replace('/mcp', '')}/.well-known/oauth-protected-resource/mcp`);
      const prm = (await (await fetch(metadataUrl!.replace('localhost', '127.0.0.1'))).json()) as Json;
      assert.equal(prm.resource, resource());
      assert.deepEqual(prm.scopes_supported, ['mcp:read', 'mcp:write', 'offline_access']);
      const issuer = prm.authorization_servers[0];
      const as = (await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json()) as Json;
      assert.equal(as.issuer, issuer);
      assert.deepEqual(as.code_challenge_methods_supported, ['S256']);
      assert.deepEqual(as.response_types_supported, ['code']);
      assert.equal(as.client_id_metadata_document_supported, true);
      for (const scope of prm.scopes_supported)
        assert.ok(as.scopes_supported.includes(scope), `${scope} is known to the authorization server`);
      assert.ok(as.registration_endpoint && as.revocation_endpoint && as.authorization_response_iss_parameter_supported);
      const oidc = (await (await fetch(`${server.url}/.well-known/openid-configuration`)).json()) as Json;
      assert.equal(oidc.token_endpoint, as.token_endpoint);
    });

    test('the official SDK client: discovery, registration, sign-in and consent, tool calls, refresh with rotation, revocation', async () => {
      const provider = new MemoryOAuthClient();
      const first = new Client({ name: 'parley-oauth-tests', version: '1.0.0' });
      await assert.rejects(
        first.connect(new StreamableHTTPClientTransport(new URL(resource()), { authProvider: provider })),
        UnauthorizedError,
      );
      assert.ok(provider.information?.client_id, 'registered by DCR');
      assert.ok(provider.authorizationUrl, 'sent the person to the authorization page');
      assert.equal(provider.authorizationUrl!.searchParams.get('code_challenge_method'), 'S256');
      assert.equal(provider.authorizationUrl!.searchParams.get('resource'), resource());

      const approval = await approve(server, provider.authorizationUrl!, {
        email: 'nora@northwind.example',
        workspaces: ['Northwind Website'],
      });
      assert.ok(approval.redirect?.searchParams.get('code'), approval.body);
      const transport = new StreamableHTTPClientTransport(new URL(resource()), { authProvider: provider });
      await transport.finishAuth(approval.redirect!.searchParams);
      assert.equal(provider.stored?.token_type?.toLowerCase(), 'bearer');
      assert.ok(provider.stored?.refresh_token, 'offline_access gives a refresh token');
      assert.equal(provider.stored?.expires_in, 3600);

      const client = await oauthClient(server, provider);
      const info = await callTool<Json>(client, 'get_account_info');
      assert.match(info.account.name, /^Northwind/);
      assert.deepEqual(
        info.workspaces.map((w: Json) => w.name),
        ['Northwind Website'],
        'only the workspace ticked at consent',
      );
      assert.deepEqual(info.scopes, ['read'], 'writes were not allowed at consent');

      // The stored grant: hashes only, the workspaces chosen, usage batched onto it.
      const [grant] = await server.sql<Json>(
        "select g.*, (select count(*) from oauth_objects o where o.grant_id = g.id and o.model = 'AccessToken' and o.id_hash = $1) as hashed from oauth_grants g",
        [hashToken(provider.stored!.access_token)],
      );
      assert.equal(Number(grant!.hashed), 1);
      const raw = await server.sql<Json>('select count(*) as n from oauth_objects where payload::text like $1 or id_hash = $2', [
        `%${provider.stored!.access_token}%`,
        provider.stored!.access_token,
      ]);
      assert.equal(Number(raw[0]!.n), 0, 'no token is stored in the clear');

      // The access token dies (as after an hour): the SDK refreshes, and the refresh token rotates.
      const before = provider.stored!.refresh_token!;
      await server.sql("delete from oauth_objects where model = 'AccessToken' and grant_id = $1", [grant!.id]);
      const again = await callTool<Json>(client, 'list_workspaces');
      assert.equal(again.workspaces.length, 1);
      assert.notEqual(provider.stored!.refresh_token, before, 'rotated');

      // RFC 7009 revocation of the refresh token ends the whole grant.
      const revoked = await fetch(`${server.url}/oauth/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: provider.stored!.refresh_token!, client_id: provider.information!.client_id }),
      });
      assert.equal(revoked.status, 200);
      const after = await mcpCall(server, provider.stored!.access_token);
      assert.equal(after.status, 401);
      assert.match(after.challenge, /invalid_token/);
      await client.close();
    });

    test('PKCE is required and checked; a reused code fails and takes the tokens it gave with it', async () => {
      const noChallenge = await authorize({ extra: { code_challenge: '' } });
      assert.equal(noChallenge.result.redirect?.searchParams.get('error'), 'invalid_request', 'no code_challenge');

      const flow = await authorize();
      const base = { grant_type: 'authorization_code', code: flow.code!, redirect_uri: flow.redirect, client_id: flow.clientId };
      assert.equal((await tokenRequest(server, base)).body.error, 'invalid_grant', 'missing verifier');
      const wrong = await tokenRequest(server, { ...base, code_verifier: pkce().verifier });
      assert.equal(wrong.body.error, 'invalid_grant', 'wrong verifier');

      const other = await authorize();
      const good = await tokenRequest(server, {
        grant_type: 'authorization_code',
        code: other.code!,
        redirect_uri: other.redirect,
        client_id: other.clientId,
        code_verifier: other.verifier,
      });
      assert.equal(good.status, 200);
      assert.equal((await mcpCall(server, good.body.access_token!)).status, 200);
      const reused = await tokenRequest(server, {
        grant_type: 'authorization_code',
        code: other.code!,
        redirect_uri: other.redirect,
        client_id: other.clientId,
        code_verifier: other.verifier,
      });
      assert.equal(reused.body.error, 'invalid_grant');
      assert.equal((await mcpCall(server, good.body.access_token!)).status, 401, 'a replayed code revokes what it was exchanged for');
    });

    test('redirect URIs match exactly (a loopback port may vary only for native apps), and bad ones never redirect', async () => {
      const mismatch = await authorize({ extra: { redirect_uri: 'http://127.0.0.1:43111/elsewhere' } });
      assert.equal(mismatch.result.redirect, undefined, 'no redirect to an unregistered URI');
      assert.equal(mismatch.result.status, 400);
      assert.match(mismatch.result.body, /redirect_uri/);

      // Cursor registers a private-use scheme, an https callback and a loopback one in one request.
      const cursor = await registerClient(server, {
        client_name: 'Cursor',
        redirect_uris: [
          'cursor://anysphere.cursor-mcp/oauth/callback',
          'https://cursor.example/oauth/callback',
          'http://127.0.0.1:5555/callback',
        ],
        token_endpoint_auth_method: 'none',
      });
      assert.equal(cursor.status, 201, JSON.stringify(cursor.body));
      assert.equal(cursor.body.application_type, 'native');
      assert.match(String(cursor.body.registration_client_uri), /\/oauth\/register\//);
      const read = await fetch(String(cursor.body.registration_client_uri).replace('localhost', '127.0.0.1'), {
        headers: { authorization: `Bearer ${cursor.body.registration_access_token}` },
      });
      assert.equal(read.status, 200, 'RFC 7591 registration read endpoint');
      assert.equal(((await read.json()) as Json).client_name, 'Cursor');
      const loopback = await authorize({ redirect: 'http://127.0.0.1:5555/callback' });
      assert.ok(loopback.code);

      const bad = await registerClient(server, { redirect_uris: ['javascript:alert(1)'] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error, 'invalid_redirect_uri');
      const garbage = await fetch(`${server.url}/oauth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{oops',
      });
      assert.equal(garbage.status, 400);
      assert.equal(((await garbage.json()) as Json).error, 'invalid_client_metadata', 'registration errors are JSON');

      // Claude's web connector: an https callback, confidential or public.
      const claude = await registerClient(server, {
        client_name: 'Claude',
        redirect_uris: ['https://claude.ai/api/mcp/auth_callback'],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
      });
      assert.equal(claude.status, 201);
      assert.ok(claude.body.registration_client_uri);
    });

    test('a Client ID Metadata Document client is fetched by URL; one that cannot be fetched gets a clear page, not a redirect', async () => {
      const url = new URL(`${resource().replace('/mcp', '')}/oauth/authorize`);
      const { challenge } = pkce();
      const params = {
        response_type: 'code',
        client_id: 'https://client.invalid/oauth/metadata.json',
        redirect_uri: 'https://client.invalid/callback',
        code_challenge: challenge,
        code_challenge_method: 'S256',
        scope: 'mcp:read',
      };
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      const response = await fetch(url.href.replace('localhost', '127.0.0.1'), { redirect: 'manual' });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /client_id metadata document fetch failed|invalid_client/);
    });

    test('refresh tokens: the previous one works until its replacement is used; a replay after that revokes the family', async () => {
      const { clientId, refresh: r0 } = await tokens();
      const first = await refresh(clientId, r0!);
      assert.equal(first.status, 200);
      const r1 = first.body.refresh_token!;
      assert.notEqual(r1, r0);
      // The client lost that response and tries again with the old token: still fine.
      const retry = await refresh(clientId, r0!);
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      const r1b = retry.body.refresh_token!;
      // It keeps the second answer and uses it: now the old token and the forgotten sibling are dead.
      const second = await refresh(clientId, r1b);
      assert.equal(second.status, 200);
      assert.equal((await refresh(clientId, r1)).body.error, 'invalid_grant', 'the racing sibling is gone');
      const access = second.body.access_token!;
      assert.equal((await mcpCall(server, access)).status, 200);
      const replay = await refresh(clientId, r0!);
      assert.equal(replay.body.error, 'invalid_grant');
      assert.equal((await mcpCall(server, access)).status, 401, 'the replay revoked the whole family');
      assert.equal((await refresh(clientId, second.body.refresh_token!)).body.error, 'invalid_grant');
    });

    test('a refresh refused for a wrong resource does not burn the refresh token', async () => {
      const { clientId, refresh: r0 } = await tokens();
      const wrong = await refresh(clientId, r0!, { resource: 'https://elsewhere.example/mcp' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error, 'invalid_target');
      const right = await refresh(clientId, r0!, { resource: resource() });
      assert.equal(right.status, 200, JSON.stringify(right.body));
    });

    test('tokens are bound to the MCP resource: no token for another audience, and /mcp refuses one', async () => {
      const elsewhere = await authorize({ extra: { resource: 'https://elsewhere.example/mcp' } });
      assert.equal(elsewhere.result.redirect?.searchParams.get('error'), 'invalid_target');
      const { access } = await tokens();
      await server.sql(
        `update oauth_objects set payload = jsonb_set(payload, '{aud}', '"https://elsewhere.example/mcp"') where id_hash = $1`,
        [hashToken(access)],
      );
      const refused = await mcpCall(server, access);
      assert.equal(refused.status, 401);
      assert.match(refused.challenge, /not issued for this resource/);
    });

    test('an expired or unknown token is refused with a challenge naming the metadata', async () => {
      const { access } = await tokens();
      await server.sql("update oauth_objects set expires_at = now() - interval '1 second' where id_hash = $1", [hashToken(access)]);
      const expired = await mcpCall(server, access);
      assert.equal(expired.status, 401);
      assert.match(expired.challenge, /error="invalid_token".*resource_metadata="/);
      assert.equal((await mcpCall(server, 'not-a-token')).status, 401);
    });

    test('scopes: a read-only grant sees no write tool; a token without mcp:read gets insufficient_scope naming it', async () => {
      const { access } = await tokens({ approval: { email: 'nora@northwind.example', allowWrite: false } });
      const listed = JSON.parse((await mcpCall(server, access, 'tools/list', {})).body) as Json;
      assert.ok(listed.result.tools.length > 0);
      const info = JSON.parse((await mcpCall(server, access)).body).result.structuredContent as Json;
      assert.deepEqual(info.scopes, ['read']);

      const withWrite = await tokens({ approval: { email: 'nora@northwind.example', allowWrite: true } });
      assert.match(withWrite.body.scope!, /mcp:write/);
      const member = await tokens({ approval: { email: 'max@northwind.example', allowWrite: true } });
      assert.doesNotMatch(member.body.scope!, /mcp:write/, 'a member cannot allow writes');

      const offlineOnly = await tokens({ scope: 'offline_access' });
      const refused = await mcpCall(server, offlineOnly.access);
      assert.equal(refused.status, 403);
      assert.match(refused.challenge, /error="insufficient_scope"/);
      assert.match(refused.challenge, /scope="mcp:read"/);
    });

    test('writes: a read-only grant gets the step-up challenge; a write grant writes, recorded as the person who approved it', async () => {
      const args = { workspace: 'northwind-web', name: 'Made Over OAuth', idempotency_key: `oauth-${Date.now()}` };
      const readOnly = await tokens({ approval: { email: 'nora@northwind.example', allowWrite: false } });
      const listed = JSON.parse((await mcpCall(server, readOnly.access, 'tools/list', {})).body) as Json;
      assert.ok(!listed.result.tools.some((t: Json) => t.name === 'create_contact'), 'no write tool listed');
      const refused = await mcpCall(server, readOnly.access, 'tools/call', { name: 'create_contact', arguments: args });
      assert.equal(refused.status, 403);
      assert.match(refused.challenge, /error="insufficient_scope"/);
      assert.match(refused.challenge, /scope="[^"]*mcp:write/);

      const writer = await tokens({ approval: { email: 'nora@northwind.example', allowWrite: true } });
      const created = JSON.parse(
        (await mcpCall(server, writer.access, 'tools/call', { name: 'create_contact', arguments: args })).body,
      ) as Json;
      const contactId = created.result.structuredContent.contact.id as string;
      const [entry] = await server.sql<Json>(
        'select a.actor_type, a.actor_user_id, u.email, a.surface from audit_log a join users u on u.id = a.actor_user_id where a.target_id = $1',
        [contactId],
      );
      assert.deepEqual(entry, {
        actor_type: 'oauth',
        actor_user_id: entry!.actor_user_id,
        email: 'nora@northwind.example',
        surface: 'mcp',
      });
      const audit = JSON.parse(
        (await mcpCall(server, writer.access, 'tools/call', { name: 'list_audit_log', arguments: { target_id: contactId } })).body,
      ) as Json;
      assert.equal(audit.result.structuredContent.entries.length, 1, 'an owner reads the audit log');
    });

    test('a grant for one workspace cannot read another, and another account is out of reach', async () => {
      const { access } = await tokens({ approval: { email: 'nora@northwind.example', workspaces: ['Northwind Website'] } });
      const [berlin] = await server.sql<{ id: string }>(
        "select id from workspaces where slug <> 'northwind-web' and account_id = (select account_id from workspaces where slug = 'northwind-web')",
      );
      const call = await mcpCall(server, access, 'tools/call', { name: 'search_contacts', arguments: { workspace: berlin!.id } });
      const result = JSON.parse(call.body).result as Json;
      assert.equal(result.isError, true);
      assert.match(result.content[0].text, /workspace/i);
      const bluebird = await tokens({ approval: { email: 'bea@bluebird.example' } });
      const theirs = JSON.parse((await mcpCall(server, bluebird.access)).body).result.structuredContent as Json;
      assert.match(theirs.account.name, /^Bluebird/);
    });

    test('consent: a form without the CSRF token is refused; deny goes back with access_denied; another account can take over', async () => {
      const noCsrf = await authorize({ approval: { email: 'nora@northwind.example', dropCsrf: true } });
      assert.equal(noCsrf.result.status, 403);
      const denied = await authorize({ approval: { email: 'nora@northwind.example', deny: true } });
      assert.equal(denied.result.redirect?.searchParams.get('error'), 'access_denied');
      assert.equal(denied.result.redirect?.searchParams.get('state'), 'st4te');
      const switched = await tokens({ approval: { email: 'nora@northwind.example', switchTo: 'max@northwind.example' } });
      const [grant] = await server.sql<{ email: string }>(
        'select u.email from oauth_grants g join users u on u.id = g.user_id join oauth_objects o on o.grant_id = g.id where o.id_hash = $1',
        [hashToken(switched.access)],
      );
      assert.equal(grant!.email, 'max@northwind.example', '"use another account" on the consent page: the grant is the second person\'s');
      const wrongPassword = await authorize({ approval: { email: 'nora@northwind.example', password: 'not the password' } });
      assert.equal(wrongPassword.result.status, 401);
    });

    test('connected apps: listed with who approved, workspaces and scopes; disconnecting stops the next call', async () => {
      const { access } = await tokens({ approval: { email: 'nora@northwind.example', workspaces: ['Northwind Website'] } });
      assert.equal((await mcpCall(server, access)).status, 200);
      await server.flushUse();
      const login = await fetch(`${server.url}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
        body: new URLSearchParams({ email: 'nora@northwind.example', password: 'correct horse battery staple' }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const page = await (await fetch(`${server.url}/`, { headers: { cookie } })).text();
      assert.match(page, /Connected apps/);
      assert.match(page, /Raw client/);
      assert.match(page, /nora@northwind.example/);
      const [grant] = await server.sql<{ id: string }>(
        'select g.id from oauth_grants g join oauth_objects o on o.grant_id = g.id where o.id_hash = $1',
        [hashToken(access)],
      );
      assert.ok(page.includes(`/connected-apps/${grant!.id}/revoke`));
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const post = (body: Record<string, string>) =>
        fetch(`${server.url}/connected-apps/${grant!.id}/revoke`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
          body: new URLSearchParams(body),
        });
      assert.equal((await post({})).status, 403, 'CSRF-less form post');
      assert.equal((await mcpCall(server, access)).status, 200);
      assert.equal((await post({ _csrf: csrf })).status, 302);
      assert.equal((await mcpCall(server, access)).status, 401, 'revoked on the very next request');
    });

    test('pruning removes registrations never used after a day and expired objects, and keeps clients with grants', async () => {
      const unused = await registerClient(server, {
        client_name: 'Registered twice',
        redirect_uris: ['https://claude.ai/api/mcp/auth_callback'],
      });
      const used = await tokens();
      await server.sql("update oauth_clients set created_at = now() - interval '2 days' where client_id = any($1)", [
        [unused.body.client_id, used.clientId],
      ]);
      await server.sql("update oauth_objects set expires_at = now() - interval '1 minute' where id_hash = $1", [hashToken(used.access)]);
      const pruned = await pruneOAuthStore(server.db);
      assert.ok(pruned.clients >= 1 && pruned.objects >= 1, JSON.stringify(pruned));
      const left = await server.sql<{ client_id: string }>('select client_id from oauth_clients where client_id = any($1)', [
        [unused.body.client_id, used.clientId],
      ]);
      assert.deepEqual(
        left.map((r) => r.client_id),
        [used.clientId],
      );
      assert.equal((await refresh(used.clientId, used.refresh!)).status, 200, 'the refresh token outlives its access token');
    });
  });
}
