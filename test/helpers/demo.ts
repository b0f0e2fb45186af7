// Demo data is generated once per test run, not once per test server: scripts/run-tests.mjs prepares a PostgreSQL
// template database and an embedded data directory, and each test gets its own copy of them (CREATE DATABASE ...
// TEMPLATE, a directory copy), which takes a fraction of the generation's time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { POSTGRES_URL, type Engine } from './engines.ts';

/** The demo keys, one of each kind per demo account. */
export interface DemoKeys {
  northwind: string;
  northwindReadOnly: string;
  bluebird: string;
  bluebirdReadOnly: string;
}

/** Where a test's database lives: a data directory (always), and a PostgreSQL URL on that engine. */
export interface TestDatabase {
  dataDir: string;
  databaseUrl: string | undefined;
  /** The demo keys, when the database was copied with demo data. */
  keys: DemoKeys | undefined;
  dispose(): Promise<void>;
}

/** Set by scripts/run-tests.mjs: the directory holding the templates and their manifest. */
export const TEMPLATES_ENV = 'PARLEY_TEST_TEMPLATES';

interface Manifest {
  embedded: { pgdata: string; keys: DemoKeys };
  postgres?: { database: string; keys: DemoKeys };
}

const MANIFEST = 'manifest.json';

/**
 * A fresh database for one test server or harness: a copy of the demo templates when the run prepared them (or,
 * for a test file run on its own, with demo data generated into it now), or an empty one with `demo: false`.
 */
export async function testDatabase(engine: Engine, options: { demo: boolean; postgresUrl?: string | undefined }): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-test-'));
  const manifest = readManifest();
  let database: string | undefined;
  let keys: DemoKeys | undefined;
  if (engine.name === 'postgres') {
    database = `parley_test_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
    const template = options.demo ? manifest?.postgres?.database : undefined;
    await admin((client) => client.query(`create database ${database}${template ? ` template ${template}` : ''}`));
    if (template) keys = manifest!.postgres!.keys;
  } else if (options.demo && manifest) {
    fs.cpSync(manifest.embedded.pgdata, path.join(dataDir, 'pgdata'), { recursive: true });
    keys = manifest.embedded.keys;
  }
  const databaseUrl = database && databaseUrlOf(database, options.postgresUrl);
  if (options.demo && !keys) keys = await generateInto({ dataDir, databaseUrl });
  return {
    dataDir,
    databaseUrl,
    keys,
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (database) await admin((client) => client.query(`drop database if exists ${database} with (force)`));
    },
  };
}

let counter = 0;

/** Generates the templates into `dir` (scripts/run-tests.mjs, before the suite). */
export async function prepareTemplates(dir: string, withPostgres: boolean): Promise<void> {
  const pgdataParent = path.join(dir, 'embedded');
  const manifest: Manifest = {
    embedded: { pgdata: path.join(pgdataParent, 'pgdata'), keys: await generateInto({ dataDir: pgdataParent, databaseUrl: undefined }) },
  };
  if (withPostgres) {
    const database = `parley_template_${process.pid}_${Date.now().toString(36)}`;
    await admin((client) => client.query(`create database ${database}`));
    manifest.postgres = { database, keys: await generateInto({ dataDir: dir, databaseUrl: databaseUrlOf(database) }) };
  }
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
}

/** Drops the PostgreSQL template and removes the directory (after the suite). */
export async function removeTemplates(dir: string): Promise<void> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  if (manifest.postgres) await admin((client) => client.query(`drop database if exists ${manifest.postgres!.database} with (force)`));
  fs.rmSync(dir, { recursive: true, force: true });
}

function readManifest(): Manifest | undefined {
  const dir = process.env[TEMPLATES_ENV];
  return dir ? (JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest) : undefined;
}

/** Migrates and loads the demo data as a server's first start does, with the rate limits lifted for tests. */
async function generateInto(location: { dataDir: string; databaseUrl: string | undefined }): Promise<DemoKeys> {
  const db = await openDatabase({ ...location, command: 'test demo data' });
  try {
    await migrate(db);
    const { keys } = await loadDemo(db);
    // The demo keys keep the default limits; the tests make many calls, so their accounts get room.
    await db.query('update accounts set rate_limits = \'{"per_minute": 100000, "per_hour": 1000000, "per_day": 10000000}\'');
    const key = (account: string, kind: string) => keys.find((k) => k.account.startsWith(account) && k.kind === kind)?.secret ?? '';
    return {
      northwind: key('Northwind', 'account'),
      northwindReadOnly: key('Northwind', 'read_only'),
      bluebird: key('Bluebird', 'account'),
      bluebirdReadOnly: key('Bluebird', 'read_only'),
    };
  } finally {
    await db.close();
  }
}

function databaseUrlOf(database: string, server = POSTGRES_URL): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
