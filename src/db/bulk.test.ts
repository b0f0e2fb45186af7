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
      }));
      const insert = unnestRows({ n: 'text', label: 'text', at: 'timestamptz', doc: 'jsonb' }, rows);
      const stored = await db.session(async (conn) => {
        await conn.query('create temporary table bulk_rows (seq serial, n text, label text, at timestamptz, doc jsonb)');
        await conn.query(`insert into bulk_rows (${insert.columns}) ${insert.select}`, insert.params);
        const read = await conn.query<{ n: string; label: string | null; at: string; doc: unknown }>(
          'select n, label, at, doc from bulk_rows order by seq',
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
