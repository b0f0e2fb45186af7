import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { updateCompany } from './update-company.ts';

await describeOperation(updateCompany, (h) => {
  const someCompany = async (account: 'northwind' | 'bluebird' = 'northwind') =>
    h.one<{ id: string; name: string; workspace_id: string; industry: string | null }>(
      'select id, name, workspace_id, industry from companies where workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds(account)],
    );

  test('merge patch: given fields set, null clears, the rest stays', async () => {
    const before = await someCompany();
    const { company, changed } = await h.call(updateCompany, {
      company_id: before.id,
      employee_count: 250,
      industry: null,
      attributes: { tier: 'gold' },
    });
    assert.deepEqual([...changed].sort(), ['attributes', 'employee_count', 'industry']);
    const row = await h.one<Record<string, any>>('select name, industry, employee_count, attributes from companies where id = $1', [
      before.id,
    ]);
    assert.equal(row.name, before.name);
    assert.equal(row.industry, null);
    assert.equal(row.employee_count, 250);
    assert.equal(row.attributes.tier, 'gold');
    assert.equal(company.employee_count, 250);
    assert.equal(
      (await h.one<{ n: number }>("select count(*) as n from outbox where subject_id = $1 and event_type = 'company.updated'", [before.id]))
        .n,
      1,
    );
  });

  test("refuses an empty patch, a null name, another company's domain, and another account's company", async () => {
    const mine = await someCompany();
    await h.refuse(updateCompany, { company_id: mine.id }, 'invalid_argument');
    await h.refuse(updateCompany, { company_id: mine.id, name: null }, 'invalid_argument');
    const other = await h.one<{ domain: string }>(
      'select domain from companies where workspace_id = $1 and id <> $2 and domain is not null limit 1',
      [mine.workspace_id, mine.id],
    );
    await h.refuse(updateCompany, { company_id: mine.id, domain: other.domain }, 'conflict');
    const theirs = await someCompany('bluebird');
    await h.refuse(updateCompany, { company_id: theirs.id, name: 'Hijacked' }, 'not_found');
    assert.equal((await h.one<{ name: string }>('select name from companies where id = $1', [theirs.id])).name, theirs.name);
  });
});
