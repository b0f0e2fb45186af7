import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getCompany } from './get-company.ts';

await describeOperation(getCompany, (h) => {
  test('one company with its contacts, notes and counts', async () => {
    const row = await h.one<{ id: string; n: number }>(
      'select company_id as id, count(*) as n from contacts where company_id is not null and workspace_id = any($1) group by company_id order by 2 desc, 1 limit 1',
      [await h.workspaceIds('northwind')],
    );
    const company = await h.call(getCompany, { company_id: row.id });
    assert.equal(company.company.id, row.id);
    assert.equal(company.company.contact_count, row.n);
    assert.equal(company.contacts.length, Math.min(row.n, 25));
    assert.ok(company.contacts.every((c) => c.company_id === row.id));
    const notes = await h.one<{ n: number }>('select count(*) as n from notes where company_id = $1', [row.id]);
    assert.equal(company.notes_total, notes.n);
  });

  test("an unknown id, or another account's, is not found", async () => {
    await h.refuse(getCompany, { company_id: 'co_nope' }, 'not_found');
    const theirs = await h.one<{ id: string }>('select id from companies where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getCompany, { company_id: theirs.id }, 'not_found');
  });
});
