import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engines } from './helpers/engines.ts';
import { rawMcp } from './helpers/raw-mcp.ts';
import { startTestServer } from './helpers/server.ts';

const engine = (await engines()).at(-1)!; // PostgreSQL where there is one (see reliability.test.ts)

/** The value of one sample line, `name{labels} value`, from Prometheus's text format. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('Prometheus metrics', () => {
  test('off by default: no metrics listener, and the public port serves no /metrics', async () => {
    const server = await startTestServer(engine);
    try {
      assert.equal(server.metricsUrl, undefined);
      assert.equal((await fetch(`${server.url}/metrics`)).status, 404);
    } finally {
      await server.stop();
    }
  });

  test('METRICS_PORT serves request, operation, rate-limit and pool metrics on a port of its own', async () => {
    const server = await startTestServer(engine, { METRICS_PORT: '0' });
    try {
      assert.ok(server.metricsUrl);
      const auth = { authorization: `Bearer ${server.keys.bluebird}` };
      await server.sql("update accounts set rate_limits = '{\"per_minute\": 3}' where slug = 'bluebird'");
      server.authenticator.invalidate();
      assert.equal((await fetch(`${server.url}/api/v1/account`, { headers: auth })).status, 200);
      for (const era of ['modern', 'legacy'] as const) {
        const call = await rawMcp(server.url, server.keys.bluebird, era, 'tools/call', { name: 'get_account_info', arguments: {} });
        assert.equal(call.body.result.isError, undefined, era);
      }
      assert.equal((await fetch(`${server.url}/api/v1/account`, { headers: auth })).status, 429);
      assert.equal((await fetch(`${server.url}/api/v1/nowhere`, { headers: auth })).status, 404);

      const scrape = await fetch(server.metricsUrl);
      assert.equal(scrape.status, 200);
      assert.match(scrape.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = await scrape.text();
      assert.equal(sample(text, 'parley_operation_calls_total', { operation: 'get_account_info', surface: 'rest', outcome: 'ok' }), 1);
      assert.equal(
        sample(text, 'parley_operation_calls_total', { operation: 'get_account_info', surface: 'mcp', outcome: 'ok' }),
        2,
        'both eras, fast path or not',
      );
      assert.equal(
        sample(text, 'parley_operation_calls_total', { operation: 'get_account_info', surface: 'rest', outcome: 'rate_limited' }),
        1,
      );
      assert.equal(sample(text, 'parley_rate_limit_refusals_total', { surface: 'rest' }), 1);
      assert.equal(sample(text, 'parley_http_requests_total', { surface: 'rest', status: '200' }), 1);
      assert.equal(sample(text, 'parley_http_requests_total', { surface: 'rest', status: '404' }), 1);
      assert.equal(sample(text, 'parley_http_requests_total', { surface: 'mcp', status: '200' }), 2);
      assert.equal(sample(text, 'parley_operation_duration_seconds_count', { operation: 'get_account_info', surface: 'mcp' }), 2);
      assert.ok(sample(text, 'parley_http_request_duration_seconds_bucket', { surface: 'mcp', le: '+Inf' }) === 2);
      assert.ok((sample(text, 'parley_db_pool_connections', { state: 'open' }) ?? 0) >= 1, 'pool state');
      assert.equal(sample(text, 'parley_db_pool_connections', { state: 'waiting' }), 0);
      assert.match(text, /^parley_process_resident_memory_bytes \d+/m, 'process metrics');

      assert.equal((await fetch(server.metricsUrl.replace('/metrics', '/other'))).status, 404);
    } finally {
      await server.stop();
    }
  });
});
