import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { updateNote } from './update-note.ts';

await describeOperation(updateNote, (h) => {
  test('replaces the text, keeps the author, records the edit', async () => {
    const note = await h.one<{ id: string; author: string }>(
      'select id, author from notes where workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const { note: updated } = await h.call(updateNote, { note_id: note.id, body: 'Edited.' });
    assert.equal(updated.body, 'Edited.');
    assert.equal(updated.author, note.author, 'the author stays who wrote it');
    assert.ok(updated.updated_at);
    assert.equal(
      (await h.one<{ n: number }>("select count(*) as n from outbox where subject_id = $1 and event_type = 'note.updated'", [note.id])).n,
      1,
    );
  });

  test("another account's note is not found and unchanged", async () => {
    const theirs = await h.one<{ id: string; body: string }>('select id, body from notes where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(updateNote, { note_id: theirs.id, body: 'Edited.' }, 'not_found');
    assert.equal((await h.one<{ body: string }>('select body from notes where id = $1', [theirs.id])).body, theirs.body);
  });
});
