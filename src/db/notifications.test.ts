import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { engines, POSTGRES_URL } from '../../test/helpers/engines.ts';
import { NotificationListener } from './notifications.ts';

const postgres = (await engines()).some((e) => e.name === 'postgres');

test('a listener closed while it is still connecting leaves no connection behind', { skip: !postgres && 'needs PostgreSQL' }, async () => {
  const applicationName = `parley_listener_${process.pid}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('application_name', applicationName);
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    const connections = async () =>
      (await admin.query('select count(*)::int as n from pg_stat_activity where application_name = $1', [applicationName])).rows[0]
        .n as number;
    for (let i = 0; i < 5; i++) {
      const listener = new NotificationListener(url.toString(), () => undefined);
      listener.add('parley_test');
      await listener.close(); // before the connection is made: a server stopped right after it started
    }
    // Long enough for every connection begun before close() to be made (and, fixed, ended again).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await connections(), 0, 'every connection made after close() was ended');
  } finally {
    await admin.end();
  }
});
