import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { listVisitorProfiles } from './list-visitor-profiles.ts';

await describeOperation(listVisitorProfiles, (h) => {
  test('lists visitors last seen first, with the total, and searches person and company fields', async () => {
    const all = await h.call(listVisitorProfiles, { per_page: 50 });
    const { n } = await h.one<{ n: number }>('select count(*) as n from visitors where workspace_id = any($1)', [
      await h.workspaceIds('northwind'),
    ]);
    assert.equal(all.pagination.total, n);
    const seen = all.visitors.map((v) => v.last_seen_at);
    assert.deepEqual([...seen].sort().reverse(), seen);
    const acme = await h.call(listVisitorProfiles, { search: 'acme.com', per_page: 10 });
    assert.ok(acme.visitors.length > 0);
  });

  test('identified_only and first-seen dates narrow the list as the table says', async () => {
    const identified = await h.call(listVisitorProfiles, { identified_only: true, per_page: 100 });
    const { n } = await h.one<{ n: number }>(
      'select count(*) as n from visitors where workspace_id = any($1) and (person_email is not null or contact_id is not null)',
      [await h.workspaceIds('northwind')],
    );
    assert.equal(identified.pagination.total, n);
    assert.ok(identified.visitors.every((v) => v.person.email !== null || v.contact_id !== null));
    const recent = await h.call(listVisitorProfiles, { first_seen_after: '2026-01-01', timezone: 'UTC', per_page: 100 });
    assert.ok(recent.visitors.every((v) => v.first_seen_at >= '2026-01-01'));
    assert.equal(recent.timezone, 'UTC');
  });

  test('refuses a malformed date', async () => {
    await h.refuse(listVisitorProfiles, { first_seen_after: '01/02/2026' }, 'invalid_argument');
  });
});
