import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyChannel } from '../../domain/analytics/channels.ts';
import { daysAgo, describeOperation } from '../../../test/helpers/operations.ts';
import { topSources } from './top-sources.ts';

await describeOperation(topSources, (h) => {
  const workspace = async () =>
    h.one<{ id: string; timezone: string }>(
      `select w.id, w.timezone from workspaces w where w.id = any($1) order by w.created_at, w.id limit 1`,
      [await h.workspaceIds('northwind')],
    );

  test('channels over the range: each event classified as the code does, visitors distinct over the whole range', async () => {
    const ws = await workspace();
    const { rows, totals, groups, range } = await h.call(topSources, { workspace: ws.id, breakdown: 'channel', limit: 100 });
    const hits = await h.sql<{
      source: string | null;
      medium: string | null;
      campaign: string | null;
      referrer: string | null;
      visitor_id: string | null;
      gclid: boolean;
      msclkid: boolean;
    }>(
      `select source, medium, campaign, substring(referrer from '^https?://(?:www\\.)?([^/:?#]+)') as referrer, visitor_id,
         properties ? 'gclid' as gclid, properties ? 'msclkid' as msclkid
       from events where workspace_id = $1 and occurred_at >= $2 and occurred_at < $3`,
      [ws.id, range.start, range.end],
    );
    const expected = new Map<string, { events: number; visitors: Set<string | null> }>();
    for (const hit of hits) {
      const { channel } = classifyChannel({ ...hit, referrerDomain: hit.referrer });
      const group = expected.get(channel) ?? { events: 0, visitors: new Set() };
      group.events++;
      if (hit.visitor_id) group.visitors.add(hit.visitor_id);
      expected.set(channel, group);
    }
    assert.equal(totals.events, hits.length);
    assert.equal(groups, expected.size);
    assert.deepEqual(
      Object.fromEntries(rows.map((row) => [row.channel, [row.events, row.uniques]])),
      Object.fromEntries([...expected].map(([channel, group]) => [channel, [group.events, group.visitors.size]])),
    );
    assert.ok(
      ['Paid Search', 'Organic Search', 'Paid Social', 'Organic Social', 'Email', 'Referral', 'Direct'].every((c) => expected.has(c)),
    );
    assert.ok(rows.reduce((sum, row) => sum + row.uniques, 0) >= totals.uniques, 'visitors of several channels count once in the totals');
    assert.ok(Math.abs(rows.reduce((sum, row) => sum + row.share, 0) - 1) < 0.001);
  });

  test('"Facebook social vs paid, last 7 days" in one call, each pair with its channel and rule, checked against SQL', async () => {
    const ws = await workspace();
    const { rows, range } = await h.call(topSources, {
      workspace: ws.id,
      source: 'Facebook',
      breakdown: 'source_medium',
      start_date: daysAgo(6, ws.timezone),
    });
    const expected = await h.sql<{ medium: string; events: number; uniques: number }>(
      `select medium, count(*) as events, count(distinct visitor_id) as uniques from events
       where workspace_id = $1 and lower(source) = 'facebook' and occurred_at >= $2 and occurred_at < $3 group by medium order by medium`,
      [ws.id, range.start, range.end],
    );
    assert.deepEqual(
      rows.map((row) => [row.medium, row.events, row.uniques]).sort(),
      expected.map((row) => [row.medium, row.events, row.uniques]).sort(),
    );
    assert.deepEqual(Object.fromEntries(rows.map((row) => [row.medium, row.channel])), { social: 'Organic Social', paid: 'Paid Social' });
    assert.match(rows.find((row) => row.medium === 'paid')?.because ?? '', /paid medium/);
  });

  test('limit keeps the largest groups and says how many there are; another tenant and bad input are refused', async () => {
    const ws = await workspace();
    const { rows, groups } = await h.call(topSources, { workspace: ws.id, breakdown: 'source', limit: 2 });
    assert.equal(rows.length, 2);
    assert.ok(groups > 2 && rows[0]!.events >= rows[1]!.events);
    await h.refuse(topSources, { workspace: (await h.workspaceIds('bluebird'))[0] }, 'not_found');
    await h.refuse(topSources, { breakdown: 'country' }, 'invalid_argument');
    await h.refuse(topSources, { limit: 0 }, 'invalid_argument');
  });
});
