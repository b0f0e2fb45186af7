import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { searchContacts } from './search-contacts.ts';

await describeOperation(searchContacts, (h) => {
  test('a search matches names, emails, phones and company names and domains, over all time', async () => {
    const found = await h.call(searchContacts, { search: 'acme', per_page: 100 });
    const { n } = await h.one<{ n: number }>(
      `select count(*) as n from contacts ct left join companies co on co.id = ct.company_id where ct.workspace_id = any($1)
       and (ct.name ilike '%acme%' or ct.email ilike '%acme%' or ct.phone ilike '%acme%' or ct.company_name ilike '%acme%' or co.name ilike '%acme%' or co.domain ilike '%acme%')`,
      [await h.workspaceIds('northwind')],
    );
    assert.ok(n > 0);
    assert.equal(found.pagination.total, n);
    assert.equal(found.range, null, 'a search covers all time');
    for (const c of found.contacts) assert.match(`${c.company_name} ${c.email}`, /acme/i);
  });

  test('without a search it lists the date range, newest first, and filters by company', async () => {
    const recent = await h.call(searchContacts, { per_page: 100 });
    assert.ok(recent.range);
    const { n } = await h.one<{ n: number }>(
      'select count(*) as n from contacts where workspace_id = any($1) and created_at >= $2 and created_at < $3',
      [await h.workspaceIds('northwind'), recent.range.start, recent.range.end],
    );
    assert.equal(recent.pagination.total, n);
    const created = recent.contacts.map((c) => c.created_at);
    assert.deepEqual([...created].sort().reverse(), created);
    const company = await h.one<{ id: string; n: number }>(
      'select company_id as id, count(*) as n from contacts where company_id is not null and workspace_id = any($1) group by company_id order by 2 desc limit 1',
      [await h.workspaceIds('northwind')],
    );
    const atCompany = await h.call(searchContacts, { company_id: company.id, per_page: 100 });
    assert.equal(atCompany.pagination.total, company.n);
    assert.ok(atCompany.contacts.every((c) => c.company_id === company.id));
  });

  test('refuses a blank search', async () => {
    await h.refuse(searchContacts, { search: '   ' }, 'invalid_argument');
  });
});
