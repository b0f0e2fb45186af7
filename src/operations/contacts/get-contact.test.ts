import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getContact } from './get-contact.ts';

await describeOperation(getContact, (h) => {
  test('bundles the company, notes, conversations and timeline, with totals the tables agree with', async () => {
    const row = await h.one<{ id: string; company_id: string }>(
      'select c.id, c.company_id from contacts c where c.workspace_id = any($1) and c.company_id is not null and exists (select 1 from notes n where n.contact_id = c.id) order by c.id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const contact = await h.call(getContact, { contact_id: row.id });
    assert.equal(contact.contact.id, row.id);
    assert.equal(contact.company?.id, row.company_id);
    const count = async (sql: string) => (await h.one<{ n: number }>(sql, [row.id])).n;
    assert.equal(contact.notes_total, await count('select count(*) as n from notes where contact_id = $1'));
    assert.equal(contact.notes.length, Math.min(contact.notes_total, 20));
    assert.equal(contact.events_total, await count('select count(*) as n from events where contact_id = $1'));
    assert.ok(contact.recent_events.every((e) => e.contact_id === row.id));
    assert.equal(contact.conversations.length, Math.min(await count('select count(*) as n from conversations where contact_id = $1'), 10));
    assert.ok(contact.conversations.every((c) => c.contact_id === row.id));
  });

  test("an unknown id, or another account's, is not found", async () => {
    await h.refuse(getContact, { contact_id: 'ct_nope' }, 'not_found');
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getContact, { contact_id: theirs.id }, 'not_found');
  });
});
