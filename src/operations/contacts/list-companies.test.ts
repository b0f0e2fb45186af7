import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listCompanies } from './list-companies.ts';

await describeOperation(listCompanies, (h) => {
  test('lists companies by name with their contact and visitor counts', async () => {
    const all = await h.call(listCompanies, { per_page: 100 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from companies where workspace_id = any($1)', [
      await h.workspaceIds('northwind'),
    ]);
    assert.equal(all.pagination.total, n);
    const byName = await h.sql<{ id: string }>('select id from companies where workspace_id = any($1) order by name, id limit 100', [
      await h.workspaceIds('northwind'),
    ]);
    // The size bound may cut a long page; what is left comes in order.
    assert.deepEqual(
      all.companies.map((c) => c.id),
      byName.slice(0, all.companies.length).map((c) => c.id),
      'by name',
    );
    assert.equal(all.companies.length + (all.truncated?.omitted ?? 0), byName.length);
    for (const company of all.companies.slice(0, 5)) {
      const contacts = await h.one<{ n: number }>('select count(*) as n from contacts where company_id = $1', [company.id]);
      assert.equal(company.contact_count, contacts.n);
    }
  });

  test('a search matches the name or domain', async () => {
    const found = await h.call(listCompanies, { search: 'acme' });
    assert.ok(found.companies.length >= 1 && found.companies.every((c) => /acme/i.test(`${c.name} ${c.domain}`)));
  });
});
