import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { node24 } from './helpers/node24.ts';
import { approve, createUser, registerClient } from './helpers/oauth.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const require = createRequire(import.meta.url);
const suite = path.join(path.dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist', 'index.js');
const binary = node24();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * The official conformance suite's authorization-server scenarios (0.2.0-alpha, on Node 24) against Parley's issuer:
 * the metadata endpoint, and the authorization code grant. The suite prints the authorization URL for a person to
 * open; the test plays that person through sign-in and consent, and the browser's redirect reaches the suite's
 * callback server.
 */
describe('OAuth authorization-server conformance', { skip: binary === undefined }, () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    await createUser(server, 'Northwind', 'owner', 'nora@northwind.example');
  });
  after(() => server?.stop());

  test('authorization-server-metadata-endpoint and authorization-code-grant pass', async () => {
    const issuer = server.url.replace('127.0.0.1', 'localhost');
    const port = await freePort();
    const client = await registerClient(server, {
      client_name: 'MCP conformance suite',
      redirect_uris: [`http://127.0.0.1:${port}/callback`],
      token_endpoint_auth_method: 'none',
    });
    assert.equal(client.status, 201);
    const args = [
      suite,
      'authorization',
      '--url',
      issuer,
      '--client-id',
      String(client.body.client_id),
      '--port',
      String(port),
      '--resource',
      `${issuer}/mcp`,
    ];
    const child = spawn(binary!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let approval: Promise<void> | undefined;
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const url = /^(http\S+\/oauth\/authorize\?\S+)$/m.exec(output)?.[1];
      if (url && !approval) {
        approval = (async () => {
          const result = await approve(server, url, { email: 'nora@northwind.example' });
          assert.ok(result.redirect, `the authorization did not come back: ${result.status}`);
          await fetch(result.redirect!); // what the browser does with the redirect
        })();
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    await approval;
    const summary = output
      .split('\n')
      .filter((line) => /^[✓✗]|Total/.test(line))
      .join('\n');
    assert.match(summary, /✓ authorization-server-metadata-endpoint: \d+ passed, 0 failed/, output);
    assert.match(summary, /✓ authorization-code-grant: 1 passed, 0 failed/, output);
    assert.equal(code, 0, summary);
  });
});
