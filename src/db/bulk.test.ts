import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { engines, POSTGRES_URL } from '../../test/helpers/engines.ts';
import { unnestRows } from './bulk.ts';
import { openDatabase } from './database.ts';

const TRICKY = ['plain', '', 'NULL', 'a "quoted" word', 'back\\slash \\" both', '{braces},commas', '  spaced  ', 'ünïcødé ✓', "it's"];

for (const engine of await engines()) {
  test(`${engine.name}: unnestRows carries every row, in order, with text and JSON exactly as given`, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-bulk-'));
    const db = await openDatabase({ databaseUrl: engine.name === 'postgres' ? POSTGRES_URL : undefined, dataDir, command: 'test' });
    try {
      const rows = Array.from({ length: 1200 }, (_, i) => ({
        n: String(i),
        label: i % 7 === 6 ? null : TRICKY[i % TRICKY.length]!,
        at: new Date(Date.UTC(2026, 2, 29, 0, 0, i)).toISOString(),
        doc: i % 5 === 4 ? {} : { quote: TRICKY[i % TRICKY.length], nested: { list: [i, null, 'x"y'] } },
        site: 'a "quoted" site',
        gone: null,
      }));
      const insert = unnestRows({ n: 'text', label: 'text', at: 'timestamptz', doc: 'jsonb', site: 'text', gone: 'timestamptz' }, rows);
      const stored = await db.session(async (conn) => {
        await conn.query(
          'create temporary table bulk_rows (seq serial, n text, label text, at timestamptz, doc jsonb, site text, gone timestamptz)',
        );
        await conn.query(`insert into bulk_rows (${insert.columns}) ${insert.select}`, insert.params);
        const read = await conn.query<{ n: string; label: string | null; at: string; doc: unknown; site: string; gone: null }>(
          'select n, label, at, doc, site, gone from bulk_rows order by seq',
        );
        await conn.query('drop table bulk_rows');
        return read;
      });
      assert.deepEqual(stored, rows);
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('unnestRows sends no rows as empty arrays, and a plain column without nulls as one quoted list', () => {
  assert.deepEqual(unnestRows({ n: 'text', doc: 'jsonb' }, []).params, ['{}', '[]']);
  assert.deepEqual(unnestRows({ n: 'text' }, [{ n: 'a' }, { n: '' }, { n: 3 }]).params, ['{"a","","3"}']);
  assert.deepEqual(unnestRows({ n: 'text' }, [{ n: 'a"b' }, { n: null }, { n: 'c' }]).params, ['{"a\\"b",NULL,"c"}']);
});

test('unnestRows sends a column with one value in every row once, unless no column varies', () => {
  const rows = [
    { id: 'a', site: 'web', gone: null },
    { id: 'b', site: 'web', gone: undefined },
  ];
  const insert = unnestRows({ id: 'text', site: 'text', gone: 'text' }, rows);
  assert.deepEqual(insert.params, ['{"a","b"}', 'web', null]);
  assert.equal(insert.select, 'select u.id, $2::text as site, $3::text as gone from unnest($1::text[]) as u (id)');
  assert.deepEqual(unnestRows({ site: 'text' }, [{ site: 'web' }, { site: 'web' }]).params, ['{"web","web"}']);
});

test('unnestRows sends a column with few distinct values as those values and each row its number among them', () => {
  const rows = ['a', 'b', 'a', null, 'a', 'b', 'a', 'a', 'b', 'a', 'a', 'a'].map((page, i) => ({ id: `e${i}`, page }));
  const insert = unnestRows({ id: 'text', page: 'text' }, rows);
  assert.deepEqual(insert.params.slice(1), ['{"a","b",NULL}', '{1,2,1,3,1,2,1,1,2,1,1,1}']);
  assert.equal(insert.select, 'select u.id, ($2::text[])[u.page] as page from unnest($1::text[], $3::int[]) as u (id, page)');
  // More than a quarter of the rows distinct: the values themselves.
  const varied = unnestRows({ id: 'text', page: 'text' }, rows.slice(0, 11));
  assert.equal(varied.select, 'select u.id, u.page from unnest($1::text[], $2::text[]) as u (id, page)');
});
