// The browser tracker in Chromium: a shop's pages on their own origin load /t.js with the workspace's publishable key;
// page views (single-page navigation too), custom events, identify and a beacon on leaving arrive, read back through
// query_events over MCP. No cookie is set, and a page that respects Do Not Track sends nothing when asked not to.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@modelcontextprotocol/client';
import type { Browser } from 'playwright-core';
import { createApiKey } from '../src/domain/credentials/commands.ts';
import { launchChromium } from './helpers/browser.ts';
import { callTool, mcpClient } from './helpers/clients.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const browser: Browser | undefined = await launchChromium();
/** Page-side expressions (this file is compiled without the DOM's types). */
const LOADED = 'window.parley && window.parley.loaded === true';
const ANONYMOUS_ID = "localStorage.getItem('parley_aid')";

interface TrackedEvent {
  name: string;
  path: string | null;
  source: string | null;
  medium: string | null;
  contact_id: string | null;
  properties: Record<string, unknown>;
}

describe('the tracker in Chromium', { skip: browser === undefined }, () => {
  let server: TestServer;
  let site: http.Server;
  let siteUrl: string;
  let client: Client;
  let workspaceId: string;
  let contact: { id: string; email: string };

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    const [workspace] = await server.sql<{ id: string; account_id: string }>(
      "select w.id, w.account_id from workspaces w join accounts a on a.id = w.account_id where a.slug = 'northwind' order by w.created_at, w.id limit 1",
    );
    workspaceId = workspace!.id;
    [contact] = (await server.sql<{ id: string; email: string }>(
      'select id, email from contacts where workspace_id = $1 and email is not null order by id limit 1',
      [workspaceId],
    )) as [{ id: string; email: string }];
    const key = await createApiKey(server.db, { accountId: workspace!.account_id, workspaceId, kind: 'publishable', name: 'shop' });
    // The shop: every path is a page with the snippet; /dnt asks the tracker to respect Do Not Track.
    site = http.createServer((request, response) => {
      const dnt = request.url?.startsWith('/dnt') ? ' data-respect-dnt' : '';
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><title>Shop ${request.url}</title>
        <script>window.parley = [['track', 'queued_before_load', { early: true }]];</script>
        <script defer src="${server.url}/t.js" data-key="${key.secret}"${dnt}></script>
        <button id="cta" onclick="parley.track('cta_clicked', { plan: 'pro' }); history.pushState({}, '', '/pricing')">Buy</button>
        <button id="login" onclick="parley.identify('${contact.email}', { name: 'Ada' })">Log in</button>
        <a id="away" href="/thanks">Thanks</a>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    await server.sql('update workspaces set tracking_origins = $2 where id = $1', [workspaceId, [siteUrl]]);
    client = await mcpClient(server.url, server.keys.northwind, 'modern');
  });
  after(async () => {
    await client?.close();
    await browser?.close();
    site?.close();
    await server?.stop();
  });

  /** The visitor's events through query_events, oldest first, once `count` have arrived (beacons land shortly after). */
  const eventsOf = async (anonymousId: string, count: number): Promise<TrackedEvent[]> => {
    for (let attempt = 0; ; attempt++) {
      const [visitor] = await server.sql<{ id: string }>('select id from visitors where anonymous_id = $1', [anonymousId]);
      if (visitor) {
        const { events } = await callTool<{ events: TrackedEvent[] }>(client, 'query_events', {
          workspace: workspaceId,
          visitor_id: visitor.id,
          per_page: 100,
        });
        if (events.length >= count || attempt > 50) return events.reverse();
      }
      assert.ok(attempt < 50, `no visitor ${anonymousId} after ${attempt} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  test('page views, a single-page navigation, a custom event, identify and a beacon on leaving arrive', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}/?utm_source=newsletter&utm_medium=email&utm_campaign=november&gclid=abc123`);
    await page.waitForFunction(LOADED);
    const anonymousId = await page.evaluate<string | null>(ANONYMOUS_ID);
    assert.ok(anonymousId);
    await page.click('#cta');
    await page.click('#login');
    await page.click('#away');
    await page.waitForURL(`${siteUrl}/thanks`);
    await page.waitForFunction(LOADED);
    assert.equal(await page.evaluate<string | null>(ANONYMOUS_ID), anonymousId, 'the same visitor on the next page');
    await page.goto('about:blank'); // leaving: the last page's events go by beacon
    assert.deepEqual(await context.cookies(), [], 'no cookies');

    const events = await eventsOf(anonymousId, 7);
    assert.deepEqual(
      events.map((e) => [e.name, e.path]),
      [
        ['queued_before_load', '/'],
        ['page_view', '/'],
        ['cta_clicked', '/'],
        ['page_view', '/pricing'],
        ['identify', '/pricing'],
        ['queued_before_load', '/thanks'],
        ['page_view', '/thanks'],
      ],
    );
    const landing = events[1]!;
    assert.deepEqual([landing.source, landing.medium, landing.properties.gclid], ['newsletter', 'email', 'abc123']);
    assert.deepEqual(events[2]!.properties, { plan: 'pro', gclid: 'abc123' }, "the landing URL's click id goes with its events");
    assert.equal(events[4]!.contact_id, contact.id, 'identify with the e-mail links the contact');
    assert.equal(events[6]!.contact_id, contact.id, 'later events keep the user');
    const [visitor] = await server.sql<{ utm_source: string; landing_page: string; contact_id: string; click_ids: unknown }>(
      'select utm_source, landing_page, contact_id, click_ids from visitors where anonymous_id = $1',
      [anonymousId],
    );
    assert.deepEqual(visitor, { utm_source: 'newsletter', landing_page: '/', contact_id: contact.id, click_ids: { gclid: 'abc123' } });
    await context.close();
  });

  test('a page that respects Do Not Track sends nothing when the browser asks not to be tracked', async () => {
    const context = await browser!.newContext();
    await context.addInitScript('Object.defineProperty(navigator, "doNotTrack", { get: () => "1" });');
    const page = await context.newPage();
    await page.goto(`${siteUrl}/dnt`);
    await page.waitForFunction(LOADED);
    const anonymousId = await page.evaluate<string | null>(ANONYMOUS_ID);
    await page.click('#cta');
    await page.goto('about:blank');
    // A page that does not ask is tracked in the same browser, and its events arrive: the other's would have by then.
    const control = await context.newPage();
    await control.goto(`${siteUrl}/control`);
    await control.waitForFunction(LOADED);
    await control.goto('about:blank');
    await eventsOf(anonymousId!, 2);
    const rows = await server.sql<{ path: string }>(
      'select e.path from events e join visitors v on v.id = e.visitor_id where v.anonymous_id = $1',
      [anonymousId],
    );
    assert.ok(rows.length > 0 && rows.every((row) => row.path === '/control'), JSON.stringify(rows));
    await context.close();
  });
});
