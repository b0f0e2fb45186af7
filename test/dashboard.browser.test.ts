import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchChromium } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

/** A person in a real browser: sign up, create a workspace and a key, see the key once, revoke it. */
const browser: Browser | undefined = await launchChromium();

describe('the dashboard in Chromium', { skip: browser === undefined }, () => {
  let server: TestServer;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    page = await browser!.newPage({ baseURL: server.url });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('sign up, create a workspace and a key, see it once, revoke it', async () => {
    await page.goto('/');
    assert.match(page.url(), /\/signup$/);
    await shot('1-signup');
    await page.fill('#name', 'Grace Hopper');
    await page.fill('#email', 'grace@example.com');
    await page.fill('#password', 'a very long password');
    await page.fill('#account', 'Hopper Labs');
    await page.fill('#workspace', 'Website');
    await page.selectOption('#timezone', 'America/New_York');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/$/);
    assert.match(await page.textContent('body') ?? '', /Hopper Labs/);

    await page.fill('input[aria-label="New workspace name"]', 'Docs site');
    await page.click('text=Create workspace');
    await page.waitForSelector('text=docs-site');

    await page.fill('input[aria-label="Key name"]', 'Claude Code');
    await page.selectOption('select[aria-label="Kind"]', 'read_only');
    await page.selectOption('select[aria-label="Workspace"]', { label: 'Docs site' });
    await page.click('text=Create key');
    const secret = (await page.textContent('#secret'))?.trim() ?? '';
    assert.match(secret, /^parley_rk_[0-9A-Za-z]{38}$/);
    assert.match(await page.textContent('#new-key') ?? '', /claude mcp add --transport http parley/);
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
});
