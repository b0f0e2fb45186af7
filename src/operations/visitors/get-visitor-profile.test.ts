import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getVisitorProfile } from './get-visitor-profile.ts';

await describeOperation(getVisitorProfile, (h) => {
  test('a visitor who booked a demo: their profile, the contact they became and their latest conversation', async () => {
    const booked = await h.one<{ visitor_id: string }>(
      "select e.visitor_id from events e join workspaces w on w.id = e.workspace_id where w.slug = 'northwind-web' and e.name = 'meeting_booked' order by e.occurred_at desc limit 1",
    );
    const profile = await h.call(getVisitorProfile, { visitor_id: booked.visitor_id });
    const row = await h.one<{ contact_id: string | null }>('select contact_id from visitors where id = $1', [booked.visitor_id]);
    assert.equal(profile.visitor.id, booked.visitor_id);
    assert.ok(row.contact_id, 'a visitor who booked a demo became a contact');
    assert.equal(profile.contact?.id, row.contact_id);
    const latest = await h.one<{ id: string }>(
      'select id from conversations where visitor_id = $1 order by started_at desc, id desc limit 1',
      [booked.visitor_id],
    );
    assert.equal(profile.latest_conversation?.id, latest.id);
  });

  test("an unknown id, or another account's, is not found", async () => {
    await h.refuse(getVisitorProfile, { visitor_id: 'vis_nope' }, 'not_found');
    const theirs = await h.one<{ id: string }>('select id from visitors where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getVisitorProfile, { visitor_id: theirs.id }, 'not_found');
  });
});
