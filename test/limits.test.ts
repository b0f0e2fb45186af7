import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import os from 'node:os';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { RateLimiter } from '../src/limits/rate-limit.ts';
import { usageByDay } from '../src/limits/usage.ts';
import { engines, POSTGRES_URL } from './helpers/engines.ts';
import { mcpClient } from './helpers/clients.ts';
import { redisOrSkip } from './helpers/redis.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const redis = await redisOrSkip();
const stores: Array<[string, () => RateLimiter]> = [['memory', () => new RateLimiter()]];
if (redis) stores.push(['redis', () => new RateLimiter(redis)]);

for (const [name, make] of stores) {
  describe(`rate limits (${name} store)`, () => {
    test('each window refuses past its limit and says when to retry', async () => {
      const limiter = make();
      const key = `test:${name}:${process.pid}:${Date.now()}:a`;
      const limits = { perMinute: 3, perHour: 100, perDay: 1000 };
      for (let i = 0; i < 3; i++) assert.equal((await limiter.consume(key, limits)).allowed, true);
      const refused = await limiter.consume(key, limits);
      assert.equal(refused.allowed, false);
      assert.equal(refused.window, 'minute');
      assert.ok(refused.resetSeconds >= 1 && refused.resetSeconds <= 60);
    });

    test('a refused call spends no budget in the other windows', async () => {
      const limiter = make();
      const key = `test:${name}:${process.pid}:${Date.now()}:b`;
      const limits = { perMinute: 2, perHour: 5, perDay: 1000 };
      for (let i = 0; i < 10; i++) await limiter.consume(key, limits); // 2 allowed, 8 refused by the minute window
      const headroom = await limiter.peek(key, limits);
      assert.deepEqual(
        headroom.map((h) => [h.window, h.remaining]),
        [
          ['minute', 0],
          ['hour', 3],
          ['day', 998],
        ],
      );
    });

    test('the hour window refusing refunds the minute window', async () => {
      const limiter = make();
      const key = `test:${name}:${process.pid}:${Date.now()}:c`;
      const limits = { perMinute: 10, perHour: 2, perDay: 1000 };
      await limiter.consume(key, limits);
      await limiter.consume(key, limits);
      const refused = await limiter.consume(key, limits);
      assert.equal(refused.window, 'hour');
      assert.deepEqual(
        (await limiter.peek(key, limits)).map((h) => h.remaining),
        [8, 0, 998],
      );
    });
  });
}

describe('limits and revocation through the server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ name: 'embedded' });
  });
  after(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  test('REST answers 429 with Retry-After; MCP answers a tool error with the retry time', async () => {
    await server.sql("update accounts set rate_limits = '{\"per_minute\": 2}' where slug = 'bluebird'");
    server.authenticator.invalidate();
    const key = server.keys.bluebird;
    const get = () => fetch(`${server.url}/api/v1/account`, { headers: { Authorization: `Bearer ${key}` } });
    assert.equal((await get()).status, 200);
    const second = await get();
    assert.equal(second.headers.get('ratelimit-remaining'), '0');
    const refused = await get();
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limited');
    const mcp = await mcpClient(server.url, key);
    const result = await mcp.callTool({ name: 'get_account_info', arguments: {} });
    assert.equal(result.isError, true);
    assert.match(JSON.stringify(result.content), /Rate limit reached: 2 calls per minute.*Retry in \d+ seconds/);
    await mcp.close();
  });

  test('a revoked key fails on its very next request; last use is recorded without a write per request', async () => {
    const { createApiKey, revokeApiKey } = await import('../src/domain/credentials/commands.ts');
    const [account] = await server.sql<{ id: string }>("select id from accounts where slug = 'northwind'");
    const key = await createApiKey(server.db, { accountId: account!.id, workspaceId: null, kind: 'account', name: 'to revoke' });
    const get = () => fetch(`${server.url}/api/v1/account`, { headers: { Authorization: `Bearer ${key.secret}` } });
    assert.equal((await get()).status, 200);
    assert.equal(
      (await server.sql<{ last_used_at: string | null }>('select last_used_at from api_keys where id = $1', [key.id]))[0]!.last_used_at,
      null,
    );
    await server.authenticator.flushLastUsed();
    assert.ok(
      (await server.sql<{ last_used_at: string | null }>('select last_used_at from api_keys where id = $1', [key.id]))[0]!.last_used_at,
    );
    assert.equal(await revokeApiKey(server.db, key.id), true);
    assert.equal((await get()).status, 401);
  });
});

describe('revocation across instances sharing PostgreSQL', { skip: !(await engines()).some((e) => e.name === 'postgres') }, () => {
  test('a key revoked by another process fails here within moments, with no restart', async () => {
    const server = await startTestServer({ name: 'postgres' });
    try {
      const { createApiKey, revokeApiKey } = await import('../src/domain/credentials/commands.ts');
      const [account] = await server.sql<{ id: string }>("select id from accounts where slug = 'northwind'");
      const key = await createApiKey(server.db, { accountId: account!.id, workspaceId: null, kind: 'account', name: 'elsewhere' });
      const get = () => fetch(`${server.url}/api/v1/account`, { headers: { Authorization: `Bearer ${key.secret}` } });
      assert.equal((await get()).status, 200, 'cached as valid');
      // Another Parley process: its own connection pool on the same database.
      const other = await openDatabase({ databaseUrl: server.databaseUrl!, dataDir: os.tmpdir(), command: 'other instance' });
      assert.equal(await revokeApiKey(other, key.id), true);
      await other.close();
      let status = 200;
      for (let i = 0; i < 40 && status === 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await get()).status;
      }
      assert.equal(status, 401);
    } finally {
      await server.stop();
    }
  });
});

if ((await engines()).some((e) => e.name === 'postgres')) {
  describe('usage per day on a PostgreSQL server not set to UTC', () => {
    // At any hour one of these zones is on another date than UTC (UTC+14 from 10:00 UTC, UTC-11 until 11:00 UTC).
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      test(`days are UTC days when the server's zone is ${zone}`, async () => {
        const schema = `parley_usage_${process.pid}_${zone.replace(/\W/g, '_').toLowerCase()}`;
        const url = new URL(POSTGRES_URL);
        url.searchParams.set('options', `-c search_path=${schema} -c TimeZone=${zone}`);
        const admin = await openDatabase({ databaseUrl: POSTGRES_URL, dataDir: os.tmpdir(), command: 'test' });
        await admin.query(`create schema ${schema}`);
        const db = await openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir(), command: 'test' });
        try {
          await migrate(db);
          await db.query("insert into accounts (id, name, slug) values ('acct_u', 'U', 'u')");
          const today = new Date().toISOString().slice(0, 10);
          const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
          await db.query(
            "insert into usage_counters (credential_id, account_id, day, calls) values ('key_u', 'acct_u', $1, 5), ('key_u', 'acct_u', $2, 3)",
            [today, yesterday],
          );
          const series = (await usageByDay(db, 'acct_u', 30)).get('key_u')!;
          assert.deepEqual(series.slice(-2), [3, 5], 'yesterday then today, as UTC days');
        } finally {
          await db.close();
          await admin.query(`drop schema ${schema} cascade`);
          await admin.close();
        }
      });
    }
  });
}
