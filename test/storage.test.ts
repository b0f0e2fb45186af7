import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Database } from '../src/db/database.ts';
import { checksum, migrate, MIGRATIONS, type Migration } from '../src/db/migrate.ts';
import { analyzeOwnTables } from '../src/db/statistics.ts';
import { engines, POSTGRES_URL, type Engine } from './helpers/engines.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const CLI = path.resolve('src/cli.ts');

function runCli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the embedded database', () => {
  let server: TestServer;
  let dataDir: string;

  test('a second process gets a clear error naming the running one, and works once it stops', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-lock-'));
    const db = await openDatabase({ dataDir, command: 'parley serve' });
    await migrate(db);
    const blocked = runCli(['keys', 'list'], { DATA_DIR: dataDir });
    assert.equal(blocked.status, 2, blocked.stderr);
    assert.match(blocked.stderr, new RegExp(`in use by process ${process.pid} \\("parley serve"`));
    const rows = await db.query<{ n: number }>('select count(*) as n from accounts');
    assert.equal(rows[0]!.n, 0, 'the first process still has its database');
    await db.close();
    const after = runCli(['keys', 'list'], { DATA_DIR: dataDir });
    assert.equal(after.status, 0, after.stderr);
    assert.match(after.stdout, /No keys/);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a stale lock left by a dead process is taken over', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-stale-'));
    fs.writeFileSync(
      path.join(dataDir, 'parley.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, command: 'crashed', startedAt: new Date().toISOString() }),
    );
    const db = await openDatabase({ dataDir, command: 'test' });
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a lock holding our own PID is stale: a container restarted after a hard kill gets the same PID', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-same-pid-'));
    fs.writeFileSync(
      path.join(dataDir, 'parley.lock'),
      JSON.stringify({ pid: process.pid, command: 'parley serve', startedAt: new Date(Date.now() - 60_000).toISOString() }),
    );
    const db = await openDatabase({ dataDir, command: 'test' });
    assert.deepEqual(await db.query('select 1 as one'), [{ one: 1 }]);
    await db.close();
    assert.equal(fs.existsSync(path.join(dataDir, 'parley.lock')), false, 'released on close');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('a slow query does not stall the HTTP server', async () => {
    server = await startTestServer({ name: 'embedded' });
    let slowDone = false;
    const slow = server.db.query('select pg_sleep(1.5)').then(() => (slowDone = true));
    await new Promise((r) => setTimeout(r, 100)); // the query is running on the database thread
    // Liveness never touches the database (readiness would rightly wait its turn behind the query).
    const health = await fetch(`${server.url}/livez`);
    assert.equal(health.status, 200);
    assert.equal(slowDone, false, 'the liveness check answered while the slow query was still running');
    await slow;
    await server.stop();
  });
});

describe('demo data at start', () => {
  test('an empty embedded database gets it (the quick start); PostgreSQL only with DEMO_DATA=on; off is off', async () => {
    const cases: Array<[Engine, string, boolean]> = [
      [{ name: 'embedded' }, '', true],
      [{ name: 'embedded' }, 'off', false],
    ];
    if ((await engines()).some((e) => e.name === 'postgres')) cases.push([{ name: 'postgres' }, '', false]);
    for (const [engine, setting, loaded] of cases) {
      const server = await startTestServer(engine, { DEMO_DATA: setting });
      try {
        const [accounts] = await server.sql<{ n: number }>('select count(*) as n from accounts');
        assert.equal(accounts!.n > 0, loaded, `${engine.name} with DEMO_DATA=${setting || '(unset)'}`);
        assert.equal(server.demo !== undefined, loaded, 'keys are printed only for demo data loaded now');
      } finally {
        await server.stop();
      }
    }
  });
});

for (const engine of await engines()) {
  describe(`storage on the ${engine.name} database`, () => {
    let db: Database;
    let dir: string;
    let schema: string | undefined;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-store-'));
      let databaseUrl: string | undefined;
      if (engine.name === 'postgres') {
        schema = `parley_store_${process.pid}`;
        const admin = await openDatabase({ databaseUrl: POSTGRES_URL, dataDir: dir, command: 'test' });
        await admin.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
        await admin.close();
        const url = new URL(POSTGRES_URL);
        url.searchParams.set('options', `-c search_path=${schema}`);
        databaseUrl = url.toString();
      }
      db = await openDatabase({ databaseUrl, dataDir: dir, command: 'test' });
    });
    after(async () => {
      if (schema) await db.query(`drop schema ${schema} cascade`);
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('migrations apply once and are idempotent', async () => {
      assert.deepEqual(
        await migrate(db),
        MIGRATIONS.map((m) => m.version),
      );
      assert.deepEqual(await migrate(db), []);
      const tables = await db.query<{ n: number }>(
        "select count(*) as n from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
      );
      assert.ok(tables[0]!.n >= 30);
    });

    test('the migrator refuses a database from a newer Parley and an edited migration, and can run one without a transaction', async () => {
      const last = MIGRATIONS.at(-1)!.version;
      const concurrent: Migration = {
        version: last + 1,
        name: 'concurrent index',
        withoutTransaction: ['create index concurrently if not exists contacts_email_test on contacts (email)'],
      };
      assert.deepEqual(await migrate(db, [...MIGRATIONS, concurrent]), [last + 1]);
      const indexes = await db.query("select 1 from pg_indexes where indexname = 'contacts_email_test' and schemaname = current_schema()");
      assert.equal(indexes.length, 1, 'created outside a transaction block, which concurrently requires');

      await assert.rejects(
        migrate(db),
        new RegExp(
          `^Error: The database was migrated by a newer Parley \\(migration ${last + 1}, "concurrent index"\\); this one knows migrations up to ${last}\\.`,
        ),
      );
      const edited: Migration[] = MIGRATIONS.map((m) => (m.version === 2 && 'sql' in m ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await assert.rejects(migrate(db, [...edited, concurrent]), /Migration 2 \("sessions"\) was changed after this database applied it/);

      // Rows written before checksums were kept get theirs; a migration that fails leaves nothing and frees the lock.
      await db.query('update schema_migrations set checksum = null');
      const broken: Migration = { version: last + 2, name: 'broken', sql: 'create table broken_test (id int); select no_such_function()' };
      await assert.rejects(migrate(db, [...MIGRATIONS, concurrent, broken]), /no_such_function/);
      const rows = await db.query<{ version: number; checksum: string }>(
        'select version, checksum from schema_migrations order by version',
      );
      assert.deepEqual(
        rows,
        [...MIGRATIONS, concurrent].map((m) => ({ version: m.version, checksum: checksum(m) })),
      );
      assert.equal(
        (await db.query("select 1 from information_schema.tables where table_name = 'broken_test' and table_schema = current_schema()"))
          .length,
        0,
      );

      await db.query('drop index contacts_email_test');
      await db.query('delete from schema_migrations where version = $1', [last + 1]);
      assert.deepEqual(await migrate(db), [], 'the lock was released');
    });

    test("statistics are refreshed for Parley's own tables only, never for another schema of a shared database", async () => {
      const other = `parley_other_${process.pid}`;
      await db.query(`create schema ${other}`);
      try {
        await db.query(`create table ${other}.theirs (id int)`);
        await analyzeOwnTables(db);
        // reltuples is -1 until a table is first analyzed (or vacuumed), and the catalog says so at once.
        const reltuples = async (schema: string, table: string) =>
          (
            await db.query<{ n: number }>('select reltuples::float8 as n from pg_class where oid = to_regclass($1)', [`${schema}.${table}`])
          )[0]!.n;
        const [{ schema: ours }] = (await db.query<{ schema: string }>('select current_schema() as schema')) as [{ schema: string }];
        assert.ok((await reltuples(ours, 'accounts')) >= 0, 'our tables analyzed');
        assert.equal(await reltuples(other, 'theirs'), -1, "another schema's table untouched");
      } finally {
        await db.query(`drop schema ${other} cascade`);
      }
    });

    test('a transaction that throws leaves nothing behind; one that resolves commits', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query("insert into accounts (id, name, slug) values ('acct_rollback', 'R', 'rollback')");
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal((await db.query("select * from accounts where id = 'acct_rollback'")).length, 0);
      await db.transaction((tx) => tx.query("insert into accounts (id, name, slug) values ('acct_commit', 'C', 'commit')"));
      assert.equal((await db.query("select * from accounts where id = 'acct_commit'")).length, 1);
    });

    test('a transaction rolled back to break a deadlock runs again, and both transactions commit', async (t) => {
      if (engine.name !== 'postgres') return t.skip('one connection: the embedded engine cannot deadlock');
      await db.query("insert into accounts (id, name, slug) values ('acct_dead_a', 'A', 'dead-a'), ('acct_dead_b', 'B', 'dead-b')");
      // Each locks one account, waits until the other has locked its own, then wants the other's: a deadlock, which
      // PostgreSQL breaks after deadlock_timeout by rolling one back. That one runs again and waits its turn.
      let locked = 0;
      let bothLocked: () => void;
      const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
      let attempts = 0;
      const crossing = (first: string, second: string) =>
        db.transaction(async (tx) => {
          attempts++;
          await tx.query(`update accounts set name = name || '+' where id = $1`, [first]);
          if (++locked === 2) bothLocked();
          await barrier;
          await tx.query(`update accounts set name = name || '+' where id = $1`, [second]);
        });
      await Promise.all([crossing('acct_dead_a', 'acct_dead_b'), crossing('acct_dead_b', 'acct_dead_a')]);
      assert.equal(attempts, 3, 'one of the two ran again');
      const names = await db.query<{ name: string }>("select name from accounts where id like 'acct_dead_%' order by id");
      assert.deepEqual(
        names.map((row) => row.name),
        ['A++', 'B++'],
        'each update applied once per committed transaction',
      );
    });

    test('full-text search stems words and ranks on both engines', async () => {
      await db.query("insert into workspaces (id, account_id, name, slug) values ('ws_fts', 'acct_commit', 'W', 'w')");
      await db.query(`insert into conversations (id, workspace_id, started_at, last_message_at) values ('cv_fts', 'ws_fts', now(), now())`);
      await db.query(`insert into messages (id, conversation_id, workspace_id, role, body, created_at) values
        ('msg_1', 'cv_fts', 'ws_fts', 'visitor', 'I was charged twice and want my money refunded', now()),
        ('msg_2', 'cv_fts', 'ws_fts', 'agent', 'Happy to help with pricing', now())`);
      const hits = await db.query<{ id: string }>(
        "select id from messages where search @@ websearch_to_tsquery('english', 'refund charge')",
      );
      assert.deepEqual(
        hits.map((h) => h.id),
        ['msg_1'],
      );
    });

    test('events, visitors and rollups follow a deleted workspace or visitor as foreign keys would', async () => {
      await db.query(`insert into accounts (id, name, slug) values ('acct_del', 'D', 'del');
        insert into workspaces (id, account_id, name, slug) values ('ws_keep', 'acct_del', 'K', 'keep'), ('ws_gone', 'acct_del', 'G', 'gone');
        insert into visitors (id, workspace_id, anonymous_id, first_seen_at, last_seen_at) values
          ('vis_keep', 'ws_keep', 'a', now(), now()), ('vis_gone', 'ws_keep', 'b', now(), now()), ('vis_other', 'ws_gone', 'c', now(), now());
        insert into events (id, workspace_id, kind, name, visitor_id, occurred_at) values
          ('evt_1', 'ws_keep', 'custom', 'x', 'vis_keep', now()), ('evt_2', 'ws_keep', 'custom', 'x', 'vis_gone', now()),
          ('evt_3', 'ws_gone', 'custom', 'x', 'vis_other', now())`);
      await db.query("delete from visitors where id = 'vis_gone'");
      await db.query("delete from workspaces where id = 'ws_gone'");
      assert.deepEqual(await db.query("select id, visitor_id from events where id like 'evt\\_%' order by id"), [
        { id: 'evt_1', visitor_id: 'vis_keep' },
        { id: 'evt_2', visitor_id: null },
      ]);
      // The workspace's visitors and its rows of both hourly rollups (which the insert trigger wrote) went with it.
      const left = await db.query<{ t: string; workspaces: string[] }>(
        `select t, array_agg(distinct workspace_id order by workspace_id) as workspaces from (
           select 'visitors' as t, workspace_id from visitors union all select 'event_hours', workspace_id from event_hours
           union all select 'visitor_hours', workspace_id from visitor_hours) w
         where workspace_id in ('ws_keep', 'ws_gone') group by t order by t`,
      );
      assert.deepEqual(
        left,
        ['event_hours', 'visitor_hours', 'visitors'].map((t) => ({ t, workspaces: ['ws_keep'] })),
      );
    });

    test('timestamps come back as ISO-8601 UTC strings and counts as numbers', async () => {
      const [row] = await db.query<{ at: string; n: number }>(
        "select '2026-03-29T01:30:00+01:00'::timestamptz as at, count(*) as n from accounts",
      );
      assert.equal(row!.at, '2026-03-29T00:30:00.000Z');
      assert.equal(typeof row!.n, 'number');
    });
  });
}
