import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { html } from 'hono/html';
import { installLinks, keySnippets, oauthSnippets } from '../src/connect/snippets.ts';
import { engines } from './helpers/engines.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

/** The dashboard over plain HTTP: sign-up, sessions, CSRF, workspaces, keys shown once, revocation, login limits. */
describe('dashboard sign-in, workspaces and keys', () => {
  let server: TestServer;
  let cookie = '';
  let origin: string;

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    origin = server.url;
  });
  after(() => server?.stop());

  async function request(path: string, init: { form?: Record<string, string>; origin?: string | null; cookie?: string } = {}) {
    const headers: Record<string, string> = {};
    const jar = init.cookie ?? cookie;
    if (jar) headers.cookie = jar;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      if (init.origin !== null) headers.origin = init.origin ?? origin;
    }
    const response = await fetch(`${server.url}${path}`, {
      method: init.form ? 'POST' : 'GET',
      headers,
      redirect: 'manual',
      ...(init.form && { body: new URLSearchParams(init.form).toString() }),
    });
    return {
      status: response.status,
      location: response.headers.get('location'),
      setCookie: response.headers.get('set-cookie'),
      body: await response.text(),
    };
  }

  const csrfToken = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  const owner = {
    name: 'Ada Owner',
    email: 'ada@example.com',
    password: 'correct horse battery',
    account: 'Ada Analytics',
    workspace: 'Main site',
    timezone: 'Europe/Berlin',
  };

  test('a fresh install sends people to sign-up, which refuses cross-site and bad forms', async () => {
    assert.equal((await request('/')).location, '/login');
    assert.equal((await request('/login')).location, '/signup');
    assert.equal((await request('/signup', { form: owner, origin: 'https://evil.example' })).status, 403, 'cross-site form post');
    assert.equal((await request('/signup', { form: owner, origin: null })).status, 403, 'form post without Origin');
    const weak = await request('/signup', { form: { ...owner, password: 'short' } });
    assert.equal(weak.status, 400);
    assert.match(weak.body, /at least 10 characters/);
  });

  test('the first sign-up creates the account and owner, and starts a safe session', async () => {
    const created = await request('/signup', { form: owner });
    assert.equal(created.status, 302);
    assert.equal(created.location, '/');
    assert.match(created.setCookie ?? '', /parley_session=[^;]+;.*HttpOnly/i);
    assert.match(created.setCookie ?? '', /SameSite=Lax/i);
    cookie = created.setCookie!.split(';')[0]!;
    const home = await request('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /Ada Analytics/);
    assert.match(home.body, /Main site/);
    assert.equal((await request('/signup')).location, '/login', 'sign-up closes after the first user');
    const [hash] = await server.sql<{ password_hash: string }>('select password_hash from users where email = $1', [owner.email]);
    assert.match(hash!.password_hash, /^\$argon2id\$/);
  });

  test('a key is shown exactly once, works at once, and stops working when revoked', async () => {
    const home = await request('/');
    assert.equal((await request('/keys', { form: { name: 'no token', kind: 'account' } })).status, 403, 'a form without the CSRF token');
    const made = await request('/keys', { form: { _csrf: csrfToken(home.body), name: 'Claude', kind: 'account', workspace: '' } });
    assert.equal(made.status, 200);
    const secret = /parley_ak_[0-9A-Za-z]{38}/.exec(made.body)?.[0];
    assert.ok(secret, 'the secret is on the page');
    const mcpUrl = `${server.url.replace('127.0.0.1', 'localhost')}/mcp`; // a port-0 server's public URL
    const shown = (page: string, text: string) => page.includes(String(html`${text}`));
    for (const snippet of keySnippets(mcpUrl, secret!, 2))
      assert.ok(shown(made.body, snippet.text), `the ${snippet.client} snippet with the new key`);
    for (const snippet of oauthSnippets(mcpUrl, 2)) assert.ok(shown(home.body, snippet.text), `the ${snippet.client} snippet by URL alone`);
    for (const link of installLinks(mcpUrl)) assert.ok(shown(home.body, link.href), `the ${link.client} install link`);
    const again = await request('/');
    assert.ok(!again.body.includes(secret!), 'never shown again');
    const api = (key: string) => fetch(`${server.url}/api/v1/account`, { headers: { authorization: `Bearer ${key}` } });
    const info = (await (await api(secret!)).json()) as { account: { name: string }; workspaces: unknown[] };
    assert.equal(info.account.name, 'Ada Analytics');
    assert.equal(info.workspaces.length, 1);

    const created = await request('/workspaces', { form: { _csrf: csrfToken(again.body), name: 'EU shop', timezone: 'Europe/Paris' } });
    assert.equal(created.status, 302);
    const after = (await (await api(secret!)).json()) as { workspaces: Array<{ slug: string; timezone: string }> };
    assert.deepEqual(
      after.workspaces.map((w) => [w.slug, w.timezone]),
      [
        ['main-site', 'Europe/Berlin'],
        ['eu-shop', 'Europe/Paris'],
      ],
      'the account key sees the new workspace at once',
    );

    // Names in other scripts get transliterated, never empty, never colliding slugs; a zone as browsers name it
    // (Asia/Kolkata) is stored under the name of the runtime's own list, which the pickers show.
    for (const [name, timezone] of [
      ['Москва', 'Europe/Moscow'],
      ['Москва', 'Europe/Moscow'],
      ['日本', 'Asia/Kolkata'],
      ['東京', 'Asia/Tokyo'],
    ]) {
      assert.equal(
        (await request('/workspaces', { form: { _csrf: csrfToken(again.body), name: name!, timezone: timezone! } })).status,
        302,
        name,
      );
    }
    const more = await server.sql<{ name: string; slug: string; timezone: string }>(
      "select w.name, w.slug, w.timezone from workspaces w join accounts a on a.id = w.account_id where a.name = 'Ada Analytics' order by w.created_at, w.id",
    );
    assert.deepEqual(
      more.slice(2).map((w) => [w.name, w.slug]),
      [
        ['Москва', 'moskva'],
        ['Москва', 'moskva-2'],
        ['日本', 'workspace'],
        ['東京', 'workspace-2'],
      ],
    );
    const india = more.find((w) => w.name === '日本')!.timezone;
    assert.ok(Intl.supportedValuesOf('timeZone').includes(india), `${india} is in the picker's list`);
    assert.equal(
      new Intl.DateTimeFormat('en', { timeZone: india }).resolvedOptions().timeZone,
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Kolkata' }).resolvedOptions().timeZone,
    );

    await server.flushUse();
    const withUsage = await request('/');
    const row = /<tr><td>Claude<\/td>.*?<\/tr>/s.exec(withUsage.body)?.[0] ?? '';
    assert.match(row, /<span class="calls">2<\/span>/, 'two calls today, charted');
    assert.match(row, /58\/60 per minute · 998\/1000 per hour · 9998\/10000 per day/, 'the headroom left in each window');
    assert.match(row, /<title>\d{4}-\d{2}-\d{2}: 2 calls<\/title>/);

    const [key] = await server.sql<{ id: string }>("select id from api_keys where name = 'Claude'");
    assert.equal((await request(`/keys/${key!.id}/revoke`, { form: { _csrf: csrfToken(again.body) } })).status, 302);
    assert.equal((await api(secret!)).status, 401, 'revoked on the very next request');
  });

  test('another account cannot touch this account through the dashboard', async () => {
    const [foreign] = await server.sql<{ id: string }>(
      "select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = 'northwind' limit 1",
    );
    const home = await request('/');
    const rename = await request(`/workspaces/${foreign!.id}`, {
      form: { _csrf: csrfToken(home.body), name: 'Hijacked', timezone: 'UTC' },
    });
    assert.equal(rename.status, 404);
    assert.equal((await server.sql("select 1 from workspaces where name = 'Hijacked'")).length, 0);
    const [northwindKey] = await server.sql<{ id: string }>(
      "select k.id from api_keys k join accounts a on a.id = k.account_id where a.slug = 'northwind' limit 1",
    );
    await request(`/keys/${northwindKey!.id}/revoke`, { form: { _csrf: csrfToken(home.body) } });
    const [row] = await server.sql<{ revoked_at: string | null }>('select revoked_at from api_keys where id = $1', [northwindKey!.id]);
    assert.equal(row!.revoked_at, null);
  });

  test('an invitation link lets one person join as a member, once; members cannot change anything', async () => {
    const home = await request('/');
    const invited = await request('/invitations', { form: { _csrf: csrfToken(home.body), email: 'bob@example.com', role: 'member' } });
    const link = /(http:\/\/[^<"]+\/invite\/[A-Za-z0-9_-]+)/.exec(invited.body)?.[1];
    assert.ok(link, 'the link is shown');
    const path = new URL(link!).pathname;
    assert.match((await request(path, { cookie: 'none=1' })).body, /Join Ada Analytics/);
    const wrongEmail = await request(path, {
      cookie: 'none=1',
      form: { name: 'Bob', email: 'mallory@example.com', password: 'bobs long password' },
    });
    assert.equal(wrongEmail.status, 400);
    assert.match(wrongEmail.body, /This invitation is for bob@example.com/);
    const joined = await request(path, {
      cookie: 'none=1',
      form: { name: 'Bob', email: 'bob@example.com', password: 'bobs long password' },
    });
    assert.equal(joined.status, 302);
    const bob = joined.setCookie!.split(';')[0]!;
    const bobHome = await request('/', { cookie: bob });
    assert.match(bobHome.body, /Bob · Ada Analytics/);
    assert.ok(!bobHome.body.includes('Create key'), 'members see no management forms');
    const denied = await request('/keys', { cookie: bob, form: { _csrf: csrfToken(bobHome.body), name: 'x', kind: 'account' } });
    assert.equal(denied.status, 403);
    assert.equal(
      (await request(path, { cookie: 'none=1', form: { name: 'Eve', email: 'bob@example.com', password: 'eves long password' } })).status,
      404,
      'used up',
    );
    const [role] = await server.sql<{ role: string }>("select role from users where email = 'bob@example.com'");
    assert.equal(role!.role, 'member');
  });

  test('sign-out ends the session; failed sign-ins are limited', async () => {
    const home = await request('/');
    const out = await request('/logout', { form: { _csrf: csrfToken(home.body) } });
    assert.equal(out.location, '/login');
    assert.equal((await request('/')).location, '/login', 'the old cookie no longer works');
    cookie = '';
    const good = await request('/login', { form: { email: owner.email, password: owner.password } });
    assert.equal(good.status, 302);
    for (let i = 0; i < 5; i++)
      assert.equal((await request('/login', { form: { email: owner.email, password: 'wrong password!' } })).status, 401);
    const blocked = await request('/login', { form: { email: owner.email, password: owner.password } });
    assert.equal(blocked.status, 429);
    assert.match(blocked.body, /Too many failed sign-ins/);
    // No proxy is trusted here: a forged X-Forwarded-For does not make the same client a new one.
    const forged = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin, 'x-forwarded-for': '198.51.100.77' },
      body: new URLSearchParams({ email: owner.email, password: owner.password }),
    });
    assert.equal(forged.status, 429);
  });
});

describe('sign-in limits behind a trusted reverse proxy', () => {
  let server: TestServer;
  before(async () => {
    // On PostgreSQL where there is one: each embedded engine started and stopped in one process is WebAssembly
    // churn, which can crash Node's V8 (nodejs/node#64500).
    server = await startTestServer((await engines()).at(-1)!, { TRUSTED_PROXIES: 'loopback' });
  });
  after(() => server?.stop());

  const signIn = (from: string, email: string, password: string) =>
    fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'x-forwarded-for': from },
      body: new URLSearchParams({ email, password }),
    });

  test("a stranger's failed guesses lock out the stranger, not the account's owner signing in from elsewhere", async () => {
    const owner = {
      name: 'Owner',
      email: 'owner@example.com',
      password: 'correct horse battery',
      account: 'Proxied',
      workspace: 'Site',
      timezone: 'UTC',
    };
    const created = await fetch(`${server.url}/signup`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url },
      body: new URLSearchParams(owner),
    });
    assert.equal(created.status, 302);
    for (let i = 0; i < 5; i++) assert.equal((await signIn('203.0.113.7', owner.email, 'a wrong guess!')).status, 401);
    assert.equal((await signIn('203.0.113.7', owner.email, owner.password)).status, 429, 'the guesser is locked out');
    assert.equal((await signIn('198.51.100.4', owner.email, owner.password)).status, 302, 'the owner, from another address, is not');
  });
});
