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

  test('"visitors who hit /pricing yesterday" is one call: a page visited on a day, as the events say', async () => {
    const [day] = await h.sql<{ day: string }>(
      `select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day from events
       where workspace_id = any($1) and path = '/pricing' group by 1 order by count(*) desc limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const visited = await h.call(listVisitorProfiles, {
      visited_path: '/pricing',
      visited_after: day!.day,
      visited_before: day!.day,
      timezone: 'UTC',
      per_page: 100,
    });
    const truth = await h.sql<{ visitor_id: string }>(
      `select distinct visitor_id from events where workspace_id = any($1) and path = '/pricing' and visitor_id is not null
       and occurred_at >= ($2 || 'T00:00:00Z')::timestamptz and occurred_at < ($2 || 'T00:00:00Z')::timestamptz + interval '1 day'`,
      [await h.workspaceIds('northwind'), day!.day],
    );
    assert.ok(truth.length > 0);
    assert.equal(visited.pagination.total, truth.length);
    const ids = new Set(truth.map((t) => t.visitor_id));
    // The page may be cut to its size budget; what it holds is among them.
    assert.ok(visited.visitors.length > 0 && visited.visitors.every((v) => ids.has(v.id)));
  });
});
