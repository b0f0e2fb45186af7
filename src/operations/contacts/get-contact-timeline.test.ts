import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getContactTimeline } from './get-contact-timeline.ts';

await describeOperation(getContactTimeline, (h) => {
  /** A contact with conversations, notes and events of their visitor, and how many of each the tables hold. */
  const busyContact = async () => {
    const contact = await h.one<{ id: string }>(
      `select ct.id from contacts ct where ct.workspace_id = any($1) and exists (select 1 from notes n where n.contact_id = ct.id)
       and exists (select 1 from appointments a where a.contact_id = ct.id) order by ct.id limit 1`,
      [await h.workspaceIds('northwind')],
    );
    const count = async (sql: string) => (await h.one<{ n: number }>(sql, [contact.id])).n;
    const expected = {
      conversation: await count('select count(*) as n from conversations where contact_id = $1'),
      note: await count('select count(*) as n from notes where contact_id = $1'),
      appointment: await count('select count(*) as n from appointments where contact_id = $1'),
      event: await count(
        'select count(*) as n from events e where e.contact_id = $1 or e.visitor_id in (select id from visitors where contact_id = $1)',
      ),
      ticket: await count('select count(*) as n from tickets where contact_id = $1'),
      call: await count('select count(*) as n from calls where contact_id = $1'),
      form: await count('select count(*) as n from form_responses where contact_id = $1'),
    };
    return { id: contact.id, expected };
  };

  test('lists every kind of activity newest first, each counted as the tables hold it, in pages that do not overlap', async () => {
    const { id, expected } = await busyContact();
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    const all = await h.call(getContactTimeline, { contact_id: id, per_page: 100 });
    assert.equal(all.pagination.total, total);
    for (const [kind, n] of Object.entries(expected)) assert.equal(all.timeline.filter((entry) => entry.kind === kind).length, n, kind);
    const times = all.timeline.map((entry) => Date.parse(entry.at));
    assert.deepEqual(
      [...times].sort((a, b) => b - a),
      times,
      'newest first',
    );
    const [first, second] = [
      await h.call(getContactTimeline, { contact_id: id, per_page: 3 }),
      await h.call(getContactTimeline, { contact_id: id, per_page: 3, page: 2 }),
    ];
    assert.deepEqual(
      [...first.timeline, ...second.timeline].map((e) => e.id),
      all.timeline.slice(0, 6).map((e) => e.id),
    );
  });

  test('narrows by kind and by time', async () => {
    const { id, expected } = await busyContact();
    const some = await h.call(getContactTimeline, { contact_id: id, kinds: ['note', 'appointment'], per_page: 100 });
    assert.equal(some.pagination.total, expected.note + expected.appointment);
    assert.ok(some.timeline.every((entry) => entry.kind === 'note' || entry.kind === 'appointment'));
    const all = await h.call(getContactTimeline, { contact_id: id, per_page: 100 });
    const middle = all.timeline[Math.floor(all.timeline.length / 2)]!.at;
    const before = await h.call(getContactTimeline, { contact_id: id, until: middle, per_page: 100 });
    assert.equal(before.pagination.total, all.timeline.filter((e) => Date.parse(e.at) < Date.parse(middle)).length);
    const since = await h.call(getContactTimeline, { contact_id: id, since: middle, per_page: 100 });
    assert.equal(since.pagination.total + before.pagination.total, all.pagination.total);
  });

  test("refuses another account's contact, unknown kinds and a backwards window", async () => {
    const theirs = await h.one<{ id: string }>('select id from contacts where workspace_id = any($1) limit 1', [
      await h.workspaceIds('bluebird'),
    ]);
    await h.refuse(getContactTimeline, { contact_id: theirs.id }, 'not_found');
    const { id } = await busyContact();
    await h.refuse(getContactTimeline, { contact_id: id, kinds: ['email'] }, 'invalid_argument');
    await h.refuse(
      getContactTimeline,
      { contact_id: id, since: '2026-11-02T00:00:00Z', until: '2026-11-01T00:00:00Z' },
      'invalid_argument',
    );
  });
});
