import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { compareWorkspaces } from './compare-workspaces.ts';

await describeOperation(compareWorkspaces, (h) => {
  test('ranks every workspace the key sees by distinct visitors, beside the period before, as SQL counts them', async () => {
    const result = await h.call(compareWorkspaces, {
      metric: 'uniques',
      start_date: '2026-11-09',
      end_date: '2026-11-15',
      timezone: 'UTC',
    });
    const count = (start: string, end: string) =>
      h.sql<{ slug: string; n: number }>(
        `select w.slug, count(distinct e.visitor_id) as n from workspaces w
         left join events e on e.workspace_id = w.id and e.occurred_at >= $2 and e.occurred_at < $3
         where w.id = any($1) group by w.slug`,
        [ids, start, end],
      );
    const ids = await h.workspaceIds('northwind');
    const now = new Map((await count('2026-11-09T00:00:00Z', '2026-11-16T00:00:00Z')).map((r) => [r.slug, Number(r.n)]));
    const before = new Map((await count('2026-11-02T00:00:00Z', '2026-11-09T00:00:00Z')).map((r) => [r.slug, Number(r.n)]));
    assert.equal(result.workspaces.length, ids.length);
    assert.deepEqual(
      result.workspaces.map((w) => [w.rank, w.slug, w.value, w.previous_value]),
      [...now.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([slug, n], i) => [i + 1, slug, n, before.get(slug)]),
    );
    const first = result.workspaces[0]!;
    assert.equal(first.change, Math.round((first.value! / first.previous_value! - 1) * 10_000) / 10_000);
  });

  test('a workspace key sees its own workspace alone; conversion_rate needs its event', async () => {
    const [ws] = await h.workspaceIds('bluebird');
    const own = await h.call(compareWorkspaces, { metric: 'count' }, await h.keyFor('read_only', ws!));
    assert.deepEqual(
      own.workspaces.map((w) => w.id),
      [ws],
    );
    await h.refuse(compareWorkspaces, { metric: 'conversion_rate' }, 'invalid_argument');
  });
});
