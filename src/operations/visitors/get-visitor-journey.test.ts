import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getVisitorJourney } from './get-visitor-journey.ts';

await describeOperation(getVisitorJourney, (h) => {
  test('the journey of a visitor who booked a demo, and what they did before it', async () => {
    const booked = await h.one<{ visitor_id: string; conversation_id: string; occurred_at: string }>(
      "select e.visitor_id, e.conversation_id, e.occurred_at from events e join workspaces w on w.id = e.workspace_id where w.slug = 'northwind-web' and e.name = 'meeting_booked' order by e.occurred_at desc limit 1",
    );
    const journey = await h.call(getVisitorJourney, { visitor_id: booked.visitor_id });
    assert.ok(journey.journey.events.some((e) => e.name === 'meeting_booked'));
    assert.ok(journey.browser_activity.events.every((e) => e.kind === 'browser'));
    const count = async (kinds: string[]) =>
      (await h.one<{ n: number }>('select count(*) as n from events where visitor_id = $1 and kind = any($2)', [booked.visitor_id, kinds]))
        .n;
    assert.equal(journey.browser_activity.total, await count(['browser']));
    assert.equal(journey.journey.total, await count(['journey', 'custom']));
    assert.equal(journey.journey.returned, journey.journey.events.length);

    const before = await h.call(getVisitorJourney, { conversation_id: booked.conversation_id, end_date: booked.occurred_at });
    assert.equal(before.visitor_id, booked.visitor_id);
    assert.ok(!before.journey.events.some((e) => e.name === 'meeting_booked'), 'end_date excludes the booking itself');
    assert.ok(before.journey.events.some((e) => e.name === 'session_started'));
  });

  test('needs exactly one of visitor_id and conversation_id, and finds neither of another account', async () => {
    await h.refuse(getVisitorJourney, {}, 'invalid_argument');
    await h.refuse(getVisitorJourney, { visitor_id: 'vis_a', conversation_id: 'cv_b' }, 'invalid_argument');
    const theirs = await h.one<{ id: string; visitor_id: string }>(
      'select id, visitor_id from conversations where visitor_id is not null and workspace_id = any($1) limit 1',
      [await h.workspaceIds('bluebird')],
    );
    await h.refuse(getVisitorJourney, { visitor_id: theirs.visitor_id }, 'not_found');
    await h.refuse(getVisitorJourney, { conversation_id: theirs.id }, 'not_found');
  });
});
