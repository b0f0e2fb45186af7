import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { node24 } from './helpers/node24.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const require = createRequire(import.meta.url);
const suite = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'dist', 'index.js');
const baseline = (file: string) => path.resolve('test/conformance', file);

/**
 * The official MCP conformance suites against the real server: 0.2.0-alpha for the 2026-07-28 requirements, 0.1.16
 * for 2025-era clients. The suites send no credentials, so a small proxy adds a demo key. Checks that need the
 * suite's own fixture tools, prompts or resources are listed, each with its reason, in the baseline files; the
 * suite fails on any other failure and on a baselined check that starts passing.
 */
const binary = node24();

describe('MCP conformance', { skip: binary === undefined }, () => {
  let server: TestServer;
  let proxy: http.Server;
  let url: string;

  before(async () => {
    server = await startTestServer({ name: 'embedded' });
    const target = new URL(server.url);
    proxy = http.createServer((req, res) => {
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, authorization: `Bearer ${server.keys.northwind}` },
        },
        (response) => {
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    url = `http://localhost:${(proxy.address() as AddressInfo).port}/mcp`;
  });
  after(async () => {
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.stop();
  });

  function run(args: string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      execFile(binary!, args, { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}\n${stderr}` });
      });
    });
  }

  function summary(output: string): string {
    return output
      .split('\n')
      .filter((line) => /^[✓✗]|Total|unexpected|stale|regress|baseline/i.test(line))
      .join('\n');
  }

  test('2026-07-28 requirements (conformance 0.2.0-alpha)', async () => {
    const { code, output } = await run([
      suite('@modelcontextprotocol/conformance'),
      'server',
      '--url',
      url,
      '--requirements',
      '2026-07-28',
      '--expected-failures',
      baseline('baseline-2026-07-28.yml'),
    ]);
    assert.equal(code, 0, summary(output));
    // server-stateless is judged check by check through the baseline (4 of its checks need fixture tools).
    for (const scenario of [
      'tools-list',
      'caching',
      'http-header-validation',
      'dns-rebinding-protection',
      'sep-2164-resource-not-found',
      'resources-list',
      'prompts-list',
    ]) {
      assert.match(output, new RegExp(`✓ ${scenario}:`), `${scenario} must pass outright`);
    }
  });

  test('2025-era clients (conformance 0.1.16)', async () => {
    const { code, output } = await run([
      suite('conformance-2025'),
      'server',
      '--url',
      url,
      '--expected-failures',
      baseline('baseline-2025.yml'),
    ]);
    assert.equal(code, 0, summary(output));
    for (const scenario of ['server-initialize', 'ping', 'tools-list', 'resources-list', 'prompts-list', 'dns-rebinding-protection']) {
      assert.match(output, new RegExp(`✓ ${scenario}:`), `${scenario} must pass outright`);
    }
  });
});
