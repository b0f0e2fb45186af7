import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createNote } from './create-note.ts';

await describeOperation(createNote, (h) => {
  test('adds a note to a contact or a company, written as the key, audited and announced; a retry adds nothing', async () => {
    const contact = await h.one<{ id: string; workspace_id: string }>(
      'select id, workspace_id from contacts where workspace_id = any($1) limit 1',
      [await h.workspaceIds('northwind')],
    );
    const input = { contact_id: contact.id, body: '  Prefers a call in the morning.  ', idempotency_key: 'note-1' };
    const { note } = await h.call(createNote, input);
    const again = await h.call(createNote, input);
    assert.equal(again.note.id, note.id);
    const row = await h.one<Record<string, unknown>>(
      'select workspace_id, contact_id, company_id, author, author_id, body from notes where id = $1',
      [note.id],
    );
    assert.deepEqual(row, {
      workspace_id: contact.workspace_id,
      contact_id: contact.id,
      company_id: null,
      author: 'API key "Demo account key"',
      author_id: h.as.northwind.credential.id,
      body: 'Prefers a call in the morning.',
    });
    assert.equal(
      (await h.one<{ n: number }>("select count(*) as n from outbox where subject_id = $1 and event_type = 'note.created'", [note.id])).n,
      1,
    );
    const company = await h.one<{ id: string }>('select id from companies where workspace_id = $1 limit 1', [contact.workspace_id]);
    const onCompany = await h.call(createNote, { company_id: company.id, body: 'Renewal in March.' });
    assert.equal(onCompany.note.company_id, company.id);
  });

  test("refuses an empty or oversized body, two parents, and another account's contact", async () => {
    const contact = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('northwind'),
    ]);
    await h.refuse(createNote, { contact_id: contact.id, body: '   ' }, 'invalid_argument');
    await h.refuse(createNote, { contact_id: contact.id, body: 'x'.repeat(10_001) }, 'invalid_argument');
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(createNote, { contact_id: theirs.id, body: 'Hi' }, 'not_found');
    assert.equal(
      (await h.one<{ n: number }>('select count(*) as n from notes where contact_id = $1 and author_id is not null', [theirs.id])).n,
      0,
    );
  });
});
