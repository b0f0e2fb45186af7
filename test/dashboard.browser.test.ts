import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from './helpers/browser.ts';
import { mcpCall, pkce, registerClient, tokenRequest } from './helpers/oauth.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

/**
 * A person in a real browser: sign up, create a workspace and a key, see the key once, revoke it; then approve an
 * MCP client on the consent screen, see it under Connected apps, and disconnect it.
 */
const browser: Browser | undefined = await launchChromium();

describe('the dashboard in Chromium', { skip: browser === undefined }, () => {
  let server: TestServer;
  let page: Page;
  /** What the browser refused under the pages' Content-Security-Policy: must stay empty. */
  const violations: string[] = [];
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    // A browser in India (other browsers than Chromium report Asia/Kolkata, which Node's list spells Asia/Calcutta).
    page = await browser!.newPage({ baseURL: server.url, timezoneId: 'Asia/Kolkata' });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('sign up, create a workspace and a key, see it once, revoke it', async () => {
    const signup = await page.goto('/');
    assert.match(page.url(), /\/signup$/);
    assert.match(signup!.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(signup!.headers()['x-frame-options'], 'DENY');
    assert.equal(
      await page.inputValue('#timezone'),
      await page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone'),
      "the browser's own zone is preselected",
    );
    await shot('1-signup');
    await page.fill('#name', 'Grace Hopper');
    await page.fill('#email', 'grace@example.com');
    await page.fill('#password', 'a very long password');
    await page.fill('#account', 'Hopper Labs');
    await page.fill('#workspace', 'Website');
    await page.selectOption('#timezone', 'America/New_York');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/$/);
    assert.match((await page.textContent('body')) ?? '', /Hopper Labs/);

    await page.fill('input[aria-label="New workspace name"]', 'Docs site');
    await page.click('text=Create workspace');
    await page.waitForSelector('text=docs-site');
    const [docsSite] = await server.sql<{ timezone: string }>("select timezone from workspaces where name = 'Docs site'");
    assert.ok(
      ['Asia/Calcutta', 'Asia/Kolkata'].includes(docsSite!.timezone),
      `stored under the runtime's name for the browser's zone: ${docsSite!.timezone}`,
    );
    assert.equal(await page.inputValue('select[aria-label="Time zone of Docs site"]'), docsSite!.timezone, 'and shown selected');

    // The sites whose pages may send the workspace events: typed as URLs, kept as origins; a bad one is named.
    const origins = 'input[aria-label="Sites that may send Docs site events"]';
    await page.fill(origins, 'https://docs.example.com/guide, http://localhost:5173');
    await page.click(`form:has(${origins}) button:has-text("Save")`);
    await page.waitForURL(/\/$/);
    assert.equal(await page.inputValue(origins), 'https://docs.example.com http://localhost:5173');
    await page.fill(origins, 'docs.example.com');
    await page.click(`form:has(${origins}) button:has-text("Save")`);
    assert.match((await page.textContent('body')) ?? '', /"docs.example.com" is not a web origin/);
    await page.goto('/');

    await page.fill('input[aria-label="Key name"]', 'Claude Code');
    await page.selectOption('select[aria-label="Kind"]', 'read_only');
    await page.selectOption('select[aria-label="Workspace"]', { label: 'Docs site' });
    await page.click('text=Create key');
    const secret = (await page.textContent('#secret'))?.trim() ?? '';
    assert.match(secret, /^parley_rk_[0-9A-Za-z]{38}$/);
    assert.match((await page.textContent('#new-key')) ?? '', /claude mcp add --transport http parley/);
    await page.click('#new-key button:has-text("Copy")');
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), secret, 'the copy button works under the policy');
    await shot('2-new-key');
    const status = async () => (await fetch(`${server.url}/api/v1/account`, { headers: { authorization: `Bearer ${secret}` } })).status;
    assert.equal(await status(), 200);

    await page.goto('/');
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
    await shot('3-keys');
    await page.click('tr:has-text("Claude Code") button:has-text("Revoke")');
    await page.waitForSelector('tr:has-text("Claude Code") >> text=revoked');
    assert.equal(await status(), 401);
    await shot('4-revoked');
  });

  test('the consent screen approves an MCP client, which then shows under Connected apps until disconnected', async () => {
    const callbacks: string[] = [];
    const callback = http.createServer((req, res) => {
      callbacks.push(req.url ?? '');
      res.end('You can close this window.');
    });
    await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
    const redirect = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/callback`;
    try {
      const issuer = server.url.replace('127.0.0.1', 'localhost');
      const client = await registerClient(server, {
        client_name: 'Claude Code',
        redirect_uris: [redirect],
        token_endpoint_auth_method: 'none',
      });
      const { verifier, challenge } = pkce();
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: String(client.body.client_id),
        redirect_uri: redirect,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        scope: 'mcp:read mcp:write offline_access',
        state: 'xyz',
        resource: `${issuer}/mcp`,
      });
      // The public URL is localhost, where this browser has no session yet: Parley asks it to sign in first.
      await page.goto(`${issuer}/oauth/authorize?${query}`);
      await page.waitForSelector('text=Sign in to Parley to connect an app');
      await shot('5-oauth-sign-in');
      await page.fill('#email', 'grace@example.com');
      await page.fill('#password', 'a very long password');
      await page.click('button[type=submit]');
      await page.waitForSelector('#client-name');
      assert.equal(await page.textContent('#client-name'), 'Claude Code');
      await page.uncheck('label:has-text("Website") input');
      await page.check('input[name=allow_write]');
      await shot('6-consent');
      await page.click('button:has-text("Allow")');
      await page.waitForURL(/\/callback\?/);
      const answer = new URL(callbacks.find((u) => u.startsWith('/callback?'))!, redirect);
      assert.equal(answer.searchParams.get('state'), 'xyz');
      const tokens = await tokenRequest(server, {
        grant_type: 'authorization_code',
        code: answer.searchParams.get('code')!,
        code_verifier: verifier,
        redirect_uri: redirect,
        client_id: String(client.body.client_id),
      });
      assert.equal(tokens.status, 200);
      assert.match(tokens.body.scope!, /mcp:write/);
      const call = () => mcpCall(server, tokens.body.access_token!, 'tools/call', { name: 'list_workspaces', arguments: {} });
      const listed = (await call()).body;
      assert.match(listed, /Docs site/);
      assert.doesNotMatch(listed, /Website/, 'only the workspace left ticked');

      await page.goto(`${issuer}/`);
      await page.waitForSelector('#connected-apps tr:has-text("Claude Code")');
      await shot('7-connected-apps');
      await page.click('#connected-apps tr:has-text("Claude Code") button:has-text("Disconnect")');
      await page.waitForSelector('#connected-apps >> text=No app is connected yet.');
      assert.equal((await call()).status, 401, 'disconnected on the very next request');
      await shot('8-disconnected');
    } finally {
      callback.close();
    }
  });

  test('no other site can frame the pages, and no page broke its own policy', async () => {
    const pages = [`${server.url}/login`, `${server.url}/docs`, `${server.url}/oauth/authorize?client_id=nope`];
    const framer = http.createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(pages.map((src) => `<iframe src="${src}" width="400" height="300"></iframe>`).join(''));
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    try {
      const other = await browser!.newPage();
      const refusals: string[] = [];
      other.on('console', (message) => refusals.push(message.text()));
      await other.goto(`http://127.0.0.1:${(framer.address() as AddressInfo).port}/`);
      await other.waitForTimeout(1000);
      for (const frame of other.frames().slice(1))
        assert.ok(!frame.url().startsWith(server.url), `framed content rendered from ${frame.url()}`);
      assert.ok(refusals.filter((text) => /frame-ancestors|X-Frame-Options/.test(text)).length >= pages.length, refusals.join('\n'));
      await other.close();
    } finally {
      framer.close();
    }
    assert.deepEqual(violations, []);
  });
});
