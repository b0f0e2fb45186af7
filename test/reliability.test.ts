import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { ServiceUnavailableError } from '../src/availability.ts';
import { openDatabase } from '../src/db/database.ts';
import { engines, POSTGRES_URL } from './helpers/engines.ts';
import { memoryLogger } from './helpers/logs.ts';
import { rawMcp, type RawEra } from './helpers/raw-mcp.ts';
import { redisOrSkip, REDIS_URL } from './helpers/redis.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ERAS: RawEra[] = ['modern', 'legacy'];

/** One REST read and one tool call per era, as a client would make them; each answer reduced to what is checked. */
async function probe(server: TestServer, key = server.keys.northwind) {
  const rest = await fetch(`${server.url}/api/v1/conversations?per_page=1`, { headers: { authorization: `Bearer ${key}` } });
  const restBody = (await rest.json()) as { error?: { code: string } };
  const tools = await Promise.all(
    ERAS.map((era) => rawMcp(server.url, key, era, 'tools/call', { name: 'search_conversations', arguments: { per_page: 1 } })),
  );
  return {
    rest: { status: rest.status, code: restBody.error?.code, retryAfter: rest.headers.get('retry-after') },
    tools: tools.map((t) => ({
      status: t.status,
      code: t.body?.result?._meta?.['parley/error_code'] as string | undefined,
      text: t.body?.result?.content?.[0]?.text as string | undefined,
      rpcError: t.body?.error,
    })),
  };
}

function assertHealthy(answer: Awaited<ReturnType<typeof probe>>, when: string) {
  assert.equal(answer.rest.status, 200, `REST ${when}: ${JSON.stringify(answer.rest)}`);
  for (const tool of answer.tools)
    assert.ok(tool.status === 200 && tool.code === undefined && !tool.rpcError, `MCP ${when}: ${JSON.stringify(tool)}`);
}

/** During an outage: 503 with Retry-After on REST, a tool error saying to retry on MCP; never a 500 or "internal". */
function assertUnavailableOrServed(answer: Awaited<ReturnType<typeof probe>>) {
  assert.ok(
    answer.rest.status === 200 || (answer.rest.status === 503 && answer.rest.code === 'unavailable' && answer.rest.retryAfter === '5'),
    JSON.stringify(answer.rest),
  );
  for (const tool of answer.tools) {
    assert.equal(tool.status, 200, JSON.stringify(tool));
    assert.ok(tool.code === undefined || (tool.code === 'unavailable' && /retry/i.test(tool.text ?? '')), JSON.stringify(tool));
  }
}

const all = await engines();
/** PostgreSQL where there is one, for tests about something else than the engine: fewer embedded engines started in
 * one process means less WebAssembly churn, which can crash Node's V8 (nodejs/node#64500). */
const anyEngine = all.at(-1)!;

describe('idle time and failed statements', () => {
  test("the default pool survives a wait past pg's 10 s idle timeout, on both engines", async () => {
    await Promise.all(
      all.map(async (engine) => {
        const server = await startTestServer(engine);
        try {
          assertHealthy(await probe(server), `${engine.name} before the wait`);
          await sleep(11_000);
          assertHealthy(await probe(server), `${engine.name} after 11 s idle`);
        } finally {
          await server.stop();
        }
      }),
    );
  });

  for (const engine of all) {
    test(`${engine.name}: a connection closed for idleness is replaced cleanly, and a failed statement poisons nothing`, async () => {
      const server = await startTestServer(engine, { DATABASE_IDLE_TIMEOUT_MS: '100' });
      try {
        for (let round = 0; round < 3; round++) {
          assertHealthy(await probe(server), `round ${round}`); // prepares the named statements on this connection
          await sleep(400); // the pool closes the idle connection; the next request opens another
        }
        for (const bad of ['select 1/0', "select 'a' || chr(0)", 'select * from no_such_table']) {
          await assert.rejects(server.sql(bad));
          assertHealthy(await probe(server), `after "${bad}"`);
        }
        await assert.rejects(server.db.transaction(async (tx) => tx.query('select 1/0')));
        assertHealthy(await probe(server), 'after a failed transaction');
      } finally {
        await server.stop();
      }
    });
  }
});

describe('readiness and liveness', () => {
  test('/livez never touches the database; /readyz and /healthz check it', async () => {
    const server = await startTestServer(anyEngine);
    try {
      assert.deepEqual(await (await fetch(`${server.url}/livez`)).json(), { status: 'ok' });
      for (const path of ['/readyz', '/healthz']) {
        const ready = await fetch(`${server.url}${path}`);
        assert.equal(ready.status, 200);
        assert.deepEqual(await ready.json(), { status: 'ok', checks: { database: 'ok' } });
      }
    } finally {
      await server.stop();
    }
  });
});

if (all.some((e) => e.name === 'postgres')) {
  describe('a lost PostgreSQL connection', () => {
    test('a pooled connection whose backend ended while idle: reads go on unseen, a write may answer retry, no outage is logged', async () => {
      const appName = `parley_stale_${process.pid}`;
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('application_name', appName);
      const { log, entries } = memoryLogger();
      const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', command: 'test', poolSize: 2, log });
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      try {
        // What is asked first, at once, before or after the pool hears of the ends: reads, a transaction's begin, a
        // write. A write is not sent twice (it may have been applied): served, or "unavailable, retry".
        const firstAsks = [
          async (round: number) => assert.deepEqual(await db.query('select $1::int as n', [round]), [{ n: round }]),
          async (round: number) =>
            assert.deepEqual(await db.query('with r as (select $1::int as n) select n from r', [round]), [{ n: round }]),
          async () => assert.equal(await db.transaction(async (tx) => (await tx.query<{ n: number }>('select 3 as n'))[0]!.n), 3),
          async () =>
            db.query('create temporary table if not exists scratch (n int)').then(
              () => undefined,
              (error: unknown) => assert.ok(error instanceof ServiceUnavailableError, String(error)),
            ),
        ];
        for (let round = 0; round < 24; round++) {
          await Promise.all([db.query('select 1'), db.query('select 2')]); // both connections lent and back in the pool
          await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [appName]);
          await firstAsks[round % firstAsks.length]!(round);
        }
        assert.deepEqual(
          entries.map((e) => e.msg),
          [],
        );
      } finally {
        await admin.end();
        await db.close();
      }
    });

    test('terminated backends and a cut connection answer 503 / retry meanwhile, recover without a restart, and log once', async () => {
      const target = new URL(POSTGRES_URL);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      const appName = `parley_cut_${process.pid}`;
      const proxied = new URL(POSTGRES_URL);
      proxied.host = `127.0.0.1:${proxy.port}`;
      proxied.searchParams.set('application_name', appName);
      const { log, entries } = memoryLogger();
      const server = await startTestServer({ name: 'postgres' }, {}, { log, postgresUrl: proxied.toString() });
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      try {
        assertHealthy(await probe(server), 'before');

        // 1. Every backend of this server terminated while requests are in flight.
        const load = Array.from({ length: 20 }, () => probe(server));
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [appName]);
        for (const answer of await Promise.all(load)) assertUnavailableOrServed(answer);
        assertHealthy(await probe(server), 'right after the terminations');

        // 2. The database unreachable for a while: every call is a clean "unavailable", readiness says so.
        await proxy.cut();
        const during = await probe(server);
        assertUnavailableOrServed(during);
        assert.equal(during.rest.status, 503, 'the cut was seen');
        const unknownKey = await probe(server, server.keys.bluebird); // not cached: its lookup needs the database
        assert.equal(unknownKey.rest.status, 503);
        const ready = await fetch(`${server.url}/readyz`);
        assert.equal(ready.status, 503);
        assert.deepEqual(await ready.json(), { status: 'unavailable', checks: { database: 'unavailable' } });
        for (let i = 0; i < 5; i++) assertUnavailableOrServed(await probe(server));

        await proxy.restore();
        assertHealthy(await probe(server), 'after the database came back');
        assert.equal((await fetch(`${server.url}/readyz`)).status, 200);

        const outages = entries.filter((e) => e.msg === 'database unavailable: requests answer 503 / "retry" until it returns');
        const recoveries = entries.filter((e) => e.msg === 'database available again');
        assert.ok(outages.length >= 1 && outages.length <= 2, `logged once per outage, not per request: ${outages.length}`);
        assert.equal(recoveries.length, outages.length);
        assert.equal(
          entries.filter((e) => e.msg === 'operation failed' || e.msg === 'unhandled error').length,
          0,
          'no request logged as a server fault',
        );
      } finally {
        await admin.end();
        await proxy.restore().catch(() => undefined);
        await server.stop();
        await proxy.close();
      }
    });
  });
}

const redis = await redisOrSkip();
redis?.disconnect();
if (redis) {
  describe('a lost Redis', () => {
    test('calls go on with in-memory limits, readiness reports it, and it logs once', async () => {
      const target = new URL(REDIS_URL);
      const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      const { log, entries } = memoryLogger();
      const server = await startTestServer(anyEngine, { REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { log });
      try {
        assertHealthy(await probe(server), 'before');
        await server.sql("update accounts set rate_limits = '{\"per_minute\": 6}' where slug = 'bluebird'");
        server.authenticator.invalidate();

        await proxy.cut();
        for (let i = 0; i < 3; i++) assertHealthy(await probe(server), `Redis away, call ${i}`);
        // Limits still hold, counted in this process: Bluebird's 6 a minute (each probe makes 3 calls).
        assertHealthy(await probe(server, server.keys.bluebird), 'within the limit');
        assertHealthy(await probe(server, server.keys.bluebird), 'at the limit');
        const over = await probe(server, server.keys.bluebird);
        assert.equal(over.rest.status, 429);
        assert.deepEqual(
          over.tools.map((t) => t.code),
          ['rate_limited', 'rate_limited'],
        );
        const ready = await fetch(`${server.url}/readyz`);
        assert.equal(ready.status, 503);
        assert.deepEqual(await ready.json(), { status: 'unavailable', checks: { database: 'ok', redis: 'unavailable' } });

        await proxy.restore();
        for (let i = 0; i < 50 && (await fetch(`${server.url}/readyz`)).status !== 200; i++) await sleep(100);
        assert.equal((await fetch(`${server.url}/readyz`)).status, 200, 'Redis reconnected by itself');
        assertHealthy(await probe(server), 'after Redis came back');
        assert.equal(entries.filter((e) => e.backend === 'redis' && e.level === 50).length, 1, 'one error for the whole outage');
        assert.equal(entries.filter((e) => e.msg === 'redis available again').length, 1);
      } finally {
        await proxy.restore().catch(() => undefined);
        await server.stop();
        await proxy.close();
      }
    });
  });
}
