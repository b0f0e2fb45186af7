import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { createCompany } from './create-company.ts';

await describeOperation(createCompany, (h) => {
  test('creates the company with its domain lower-cased and country upper-cased, audited and announced', async () => {
    const [web] = await h.workspaceIds('northwind');
    const { company } = await h.call(createCompany, {
      workspace: web!,
      name: 'Initech',
      domain: 'InitTech.Example',
      country: 'us',
      employee_count: 120,
    });
    const row = await h.one<Record<string, unknown>>(
      'select workspace_id, name, domain, country, employee_count from companies where id = $1',
      [company.id],
    );
    assert.deepEqual(row, { workspace_id: web, name: 'Initech', domain: 'inittech.example', country: 'US', employee_count: 120 });
    assert.equal(company.contact_count, 0);
    const outbox = await h.one<{ event_type: string }>('select event_type from outbox where subject_id = $1', [company.id]);
    assert.equal(outbox.event_type, 'company.created');
    assert.equal((await h.one<{ n: number }>('select count(*) as n from audit_log where target_id = $1', [company.id])).n, 1);
  });

  test('refuses a domain the workspace has, bad fields, and another account; writes nothing then', async () => {
    const existing = await h.one<{ id: string; domain: string; workspace_id: string }>(
      'select id, domain, workspace_id from companies where domain is not null and workspace_id = any($1) order by id limit 1',
      [await h.workspaceIds('northwind')],
    );
    const before = (await h.one<{ n: number }>('select count(*) as n from companies')).n;
    const conflict = await h.refuse(
      createCompany,
      { workspace: existing.workspace_id, name: 'Twin', domain: existing.domain.toUpperCase() },
      'conflict',
    );
    assert.match(conflict.message, new RegExp(existing.id));
    await h.refuse(createCompany, { workspace: existing.workspace_id, name: 'X', domain: 'https://x.example/path' }, 'invalid_argument');
    await h.refuse(createCompany, { workspace: existing.workspace_id, name: 'X', country: 'USA' }, 'invalid_argument');
    await h.refuse(createCompany, { workspace: existing.workspace_id, name: 'X', employee_count: -1 }, 'invalid_argument');
    await h.refuse(createCompany, { workspace: existing.workspace_id }, 'invalid_argument');
    await h.refuse(createCompany, { workspace: (await h.workspaceIds('bluebird'))[0]!, name: 'X' }, 'not_found');
    await h.refuse(createCompany, { name: 'X' }, 'insufficient_scope', h.as.northwindReadOnly);
    assert.equal((await h.one<{ n: number }>('select count(*) as n from companies')).n, before);
  });
});
