import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { deleteNote } from './delete-note.ts';

await describeOperation(deleteNote, (h) => {
  test('deletes the note, says what it belonged to, audited and announced; a second delete finds nothing', async () => {
    const note = await h.one<{ id: string; contact_id: string | null; company_id: string | null }>(
      'select id, contact_id, company_id from notes where workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const { deleted } = await h.call(deleteNote, { note_id: note.id });
    assert.deepEqual([deleted.id, deleted.contact_id, deleted.company_id], [note.id, note.contact_id, note.company_id]);
    assert.equal((await h.sql('select 1 from notes where id = $1', [note.id])).length, 0);
    const outbox = await h.one<{ event_type: string }>('select event_type from outbox where subject_id = $1', [note.id]);
    assert.equal(outbox.event_type, 'note.deleted');
    await h.refuse(deleteNote, { note_id: note.id }, 'not_found');
  });

  test("another account's note is not found and stays", async () => {
    const theirs = await h.one<{ id: string }>('select id from notes where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(deleteNote, { note_id: theirs.id }, 'not_found');
    assert.equal((await h.sql('select 1 from notes where id = $1', [theirs.id])).length, 1);
  });
});
