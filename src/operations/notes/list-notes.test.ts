import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listNotes } from './list-notes.ts';

await describeOperation(listNotes, (h) => {
  test("a contact's notes newest first, with the total the table has", async () => {
    const row = await h.one<{ contact_id: string; n: number }>(
      'select contact_id, count(*) as n from notes where contact_id is not null and workspace_id = any($1) group by contact_id order by 2 desc, 1 limit 1',
      [await h.workspaceIds('northwind')],
    );
    const { notes, pagination } = await h.call(listNotes, { contact_id: row.contact_id });
    assert.equal(pagination.total, row.n);
    assert.ok(notes.every((n) => n.contact_id === row.contact_id));
    const times = notes.map((n) => n.created_at);
    assert.deepEqual([...times].sort().reverse(), times);
  });

  test("needs exactly one parent, and another account's is not found", async () => {
    await h.refuse(listNotes, {}, 'invalid_argument');
    await h.refuse(listNotes, { contact_id: 'ct_a', company_id: 'co_b' }, 'invalid_argument');
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(listNotes, { contact_id: theirs.id }, 'not_found');
  });
});
