import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { approve, mcpCall, pkce, tokenRequest } from './helpers/oauth.ts';

const PASSWORD = 'a long enough password';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('openssl is needed to make the test certificate, and CI=true requires this test.');
    console.log('# No openssl: skipping the Client ID Metadata Document flow.');
    return false;
  }
}

/**
 * A client identified by a Client ID Metadata Document (the 2026-07-28 specification's preferred registration):
 * its client_id is an https URL, and the authorization server fetches the document there. The document is served
 * on this machine with a certificate made for the test; Parley runs as its own process, trusting that certificate
 * through Node's NODE_EXTRA_CA_CERTS, with CLIENT_METADATA_PRIVATE_NETWORK=on (a loopback address is otherwise
 * refused as server-side request forgery, which the second test shows).
 */
describe('Client ID Metadata Documents', { skip: !hasOpenssl() }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cimd-'));
  let metadataServer: https.Server;
  let clientId: string;
  let parley: ChildProcess;
  let parleyUrl: string;
  let invitation: string;
  let cert: string;
  const redirect = 'http://127.0.0.1:43113/callback';

  /** Parley as its own process (on the embedded database), trusting the test certificate like a CA of yours. */
  async function startParley(privateNetwork: 'on' | 'off') {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: path.join(dir, `data-${privateNetwork}`),
        LOG_LEVEL: 'debug',
        CLIENT_METADATA_PRIVATE_NETWORK: privateNetwork,
        NODE_EXTRA_CA_CERTS: cert,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    let port = '';
    let link = '';
    for await (const line of readline.createInterface({ input: child.stdout! })) {
      port ||= /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1] ?? '';
      link ||= /\/invite\/([\w-]+)/.exec(line)?.[1] ?? '';
      if (port && link) break;
    }
    return { child, url: `http://localhost:${port}`, invitation: link, log };
  }

  async function stopParley(child: ChildProcess) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  before(async () => {
    const key = path.join(dir, 'key.pem');
    cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    metadataServer = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
      if (req.url !== '/oauth/client.json') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60' });
      res.end(
        JSON.stringify({
          client_id: clientId,
          client_name: 'Metadata Document Agent',
          redirect_uris: [redirect],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        }),
      );
    });
    await new Promise<void>((resolve) => metadataServer.listen(0, '127.0.0.1', resolve));
    clientId = `https://localhost:${(metadataServer.address() as AddressInfo).port}/oauth/client.json`;

    ({ child: parley, url: parleyUrl, invitation } = await startParley('on'));
    // Join the demo account through the printed link, as a person would.
    const joined = await fetch(`${parleyUrl}/invite/${invitation}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: parleyUrl },
      body: new URLSearchParams({ name: 'Mia', email: 'mia@northwind.example', password: PASSWORD }),
    });
    assert.equal(joined.status, 302);
  });
  after(async () => {
    if (parley) await stopParley(parley);
    metadataServer?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const authorizationUrl = (base: string, challenge: string) =>
    `${base}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256', scope: 'mcp:read offline_access', state: 's', resource: `${base}/mcp` })}`;

  test('a client known only by its metadata URL signs in, gets consent, tokens, and calls tools', async () => {
    const { verifier, challenge } = pkce();
    const approval = await approve({ url: parleyUrl }, authorizationUrl(parleyUrl, challenge), {
      email: 'mia@northwind.example',
      password: PASSWORD,
    });
    const code = approval.redirect?.searchParams.get('code');
    assert.ok(code, approval.body);
    const tokens = await tokenRequest(
      { url: parleyUrl },
      { grant_type: 'authorization_code', code: code!, code_verifier: verifier, redirect_uri: redirect, client_id: clientId },
    );
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.ok(tokens.body.refresh_token);
    const call = await mcpCall({ url: parleyUrl }, tokens.body.access_token!);
    assert.equal(call.status, 200);
    assert.match(call.body, /Northwind Labs/);
  });

  test('by default a metadata document on a private or loopback address is refused, never fetched', async () => {
    const guarded = await startParley('off');
    try {
      const response = await fetch(authorizationUrl(guarded.url, pkce().challenge), { redirect: 'manual' });
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('location'), null);
      assert.match(await response.text(), /client_id metadata document fetch failed/);
      // Same certificate trust as the first server: only the address guard differs. (The log line may trail the answer.)
      for (let waited = 0; waited < 5000 && !/special-use IP address/.test(guarded.log.join('')); waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      assert.match(guarded.log.join(''), /special-use IP address/);
    } finally {
      await stopParley(guarded.child);
    }
  });
});
