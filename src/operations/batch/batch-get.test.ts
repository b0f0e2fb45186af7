import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { batchGet } from './batch-get.ts';

await describeOperation(batchGet, (h) => {
  test('each kind by id, in the order asked, with the missing listed', async () => {
    const northwind = await h.workspaceIds('northwind');
    for (const [type, table, field] of [
      ['contact', 'contacts', 'contacts'],
      ['company', 'companies', 'companies'],
      ['conversation', 'conversations', 'conversations'],
      ['visitor', 'visitors', 'visitors'],
    ] as const) {
      const rows = await h.sql<{ id: string }>(`select id from ${table} where workspace_id = any($1) order by id desc limit 3`, [
        northwind,
      ]);
      const ids = [rows[2]!.id, 'xx_missing', rows[0]!.id, rows[1]!.id];
      const result = await h.call(batchGet, { type, ids });
      assert.deepEqual(
        (result[field] as Array<{ id: string }>).map((r) => r.id),
        [rows[2]!.id, rows[0]!.id, rows[1]!.id],
        type,
      );
      assert.deepEqual(result.missing, ['xx_missing']);
    }
  });

  test("another account's ids come back missing; bad requests are refused", async () => {
    const theirs = await h.sql<{ id: string }>('select id from contacts where workspace_id = any($1) limit 2', [
      await h.workspaceIds('bluebird'),
    ]);
    const result = await h.call(batchGet, { type: 'contact', ids: theirs.map((r) => r.id) });
    assert.deepEqual(result.contacts, []);
    assert.deepEqual(
      result.missing,
      theirs.map((r) => r.id),
    );
    await h.refuse(batchGet, { type: 'contact', ids: [] }, 'invalid_argument');
    await h.refuse(batchGet, { type: 'contact', ids: Array.from({ length: 101 }, (_, i) => `ct_${i}`) }, 'invalid_argument');
    await h.refuse(batchGet, { type: 'contact', ids: ['ct_1', 'ct_1'] }, 'invalid_argument');
    await h.refuse(batchGet, { type: 'ticket', ids: ['tk_1'] }, 'invalid_argument');
  });
});
