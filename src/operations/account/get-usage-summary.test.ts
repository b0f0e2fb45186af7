import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysAgo, describeOperation } from '../../../test/helpers/operations.ts';
import { getUsageSummary } from './get-usage-summary.ts';

await describeOperation(getUsageSummary, (h) => {
  test('counts the period and the one before it, in the workspace time zone, as the tables say', async () => {
    const web = await h.one<{ id: string; timezone: string }>("select id, timezone from workspaces where slug = 'northwind-web'");
    const summary = await h.call(getUsageSummary, { workspace: 'northwind-web', start_date: daysAgo(6, web.timezone) });
    assert.equal(summary.range.timezone, 'America/New_York');
    assert.equal(summary.range.end_date, daysAgo(0, web.timezone));
    assert.equal(summary.previous_range.end, summary.range.start);
    const count = async (sql: string, range: { start: string; end: string }) =>
      (await h.one<{ n: number }>(sql, [web.id, range.start, range.end])).n;
    for (const [period, range] of [
      ['current', summary.range],
      ['previous', summary.previous_range],
    ] as const) {
      const counts = summary[period];
      assert.equal(
        counts.conversations,
        await count('select count(*) as n from conversations where workspace_id = $1 and started_at >= $2 and started_at < $3', range),
      );
      assert.equal(
        counts.conversations_with_visitor_interaction,
        await count(
          'select count(*) as n from conversations where workspace_id = $1 and visitor_message_count > 0 and started_at >= $2 and started_at < $3',
          range,
        ),
      );
      assert.equal(
        counts.escalated_conversations,
        await count(
          "select count(*) as n from conversations where workspace_id = $1 and status = 'escalated' and started_at >= $2 and started_at < $3",
          range,
        ),
      );
      assert.equal(
        counts.new_visitors,
        await count('select count(*) as n from visitors where workspace_id = $1 and first_seen_at >= $2 and first_seen_at < $3', range),
      );
      assert.equal(
        counts.contacts_created,
        await count('select count(*) as n from contacts where workspace_id = $1 and created_at >= $2 and created_at < $3', range),
      );
      assert.equal(
        counts.journey_events.meeting_booked ?? 0,
        await count(
          "select count(*) as n from events where workspace_id = $1 and name = 'meeting_booked' and occurred_at >= $2 and occurred_at < $3",
          range,
        ),
      );
    }
    assert.ok(summary.current.conversations > 0, 'the demo data has conversations this week');
    assert.equal(summary.by_workspace, undefined, 'one workspace has no breakdown');
  });

  test('across workspaces it sums them, breaks them down, and defaults to UTC when their zones differ', async () => {
    const summary = await h.call(getUsageSummary);
    assert.equal(summary.by_workspace?.length, 2);
    assert.equal(
      summary.current.conversations,
      summary.by_workspace!.reduce((n, w) => n + w.current.conversations, 0),
    );
    assert.equal(summary.range.timezone, 'UTC');
    const { conversations, ...rest } = summary.change_percent;
    assert.equal(typeof conversations === 'number' || conversations === null, true);
    assert.ok(Object.keys(rest).length > 0);
  });

  test('refuses an end before the start, and a workspace it cannot see', async () => {
    await h.refuse(getUsageSummary, { start_date: '2026-11-10', end_date: '2026-11-01' }, 'invalid_argument');
    await h.refuse(getUsageSummary, { workspace: (await h.workspaceIds('bluebird'))[0]! }, 'not_found');
  });
});
