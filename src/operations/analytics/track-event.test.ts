import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { trackEvent } from './track-event.ts';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

await describeOperation(trackEvent, (h) => {
  let secret: Principal;
  let workspaceId: string;
  before(async () => {
    workspaceId = (await h.workspaceIds('northwind'))[0]!;
    secret = await h.keyFor('secret', workspaceId);
  });

  test('records an event and creates its visitor, with the source and click id its landing URL carries', async () => {
    const answer = await h.call(
      trackEvent,
      {
        event: 'signup',
        anonymous_id: 'anon-landing-1',
        // A parameter's first non-empty value counts; an empty click id is none.
        url: 'https://shop.example/pricing?utm_source=&ref=x&utm_source=facebook&utm_medium=paid_social&utm_campaign=spring&fbclid=abc123&gclid=&utm_source=other',
        referrer: 'https://l.facebook.com/',
        timestamp: minutesAgo(5),
        properties: { plan: 'pro' },
      },
      secret,
    );
    assert.equal(answer.accepted, 1);
    const [id] = answer.ids;
    const event = await h.one<Record<string, unknown>>('select * from events where id = $1', [id]);
    assert.equal(event.workspace_id, workspaceId);
    assert.equal(event.kind, 'custom');
    assert.equal(event.path, '/pricing');
    assert.deepEqual([event.source, event.medium, event.campaign], ['facebook', 'paid_social', 'spring']);
    assert.deepEqual(event.properties, { plan: 'pro', fbclid: 'abc123' });
    const visitor = await h.one<Record<string, unknown>>('select * from visitors where id = $1', [event.visitor_id]);
    assert.equal(visitor.anonymous_id, 'anon-landing-1');
    assert.equal(visitor.landing_page, '/pricing');
    assert.equal(visitor.utm_source, 'facebook');
    assert.equal(visitor.referrer, 'https://l.facebook.com/');
    assert.deepEqual(visitor.click_ids, { fbclid: 'abc123' });
  });

  test("a visitor keeps its first visit's attribution, widens its seen range, and a late event moves its first visit", async () => {
    const track = (at: string, url: string) =>
      h.call(trackEvent, { event: 'page_view', anonymous_id: 'anon-journey', url, timestamp: at }, secret);
    const [early, late, earliest] = [minutesAgo(30), minutesAgo(10), minutesAgo(60)];
    await track(early, 'https://shop.example/?utm_source=google&utm_medium=cpc&gclid=g1');
    await track(late, 'https://shop.example/blog?utm_source=newsletter&utm_medium=email');
    const visitor = () => h.one<Record<string, unknown>>("select * from visitors where anonymous_id = 'anon-journey'");
    const at = (value: unknown) => new Date(value as string).toISOString();
    let seen = await visitor();
    assert.equal(seen.utm_source, 'google');
    assert.deepEqual([at(seen.first_seen_at), at(seen.last_seen_at)], [early, late]);
    await track(earliest, 'https://shop.example/landing?utm_source=bing&utm_medium=cpc&msclkid=m1');
    seen = await visitor();
    assert.equal(seen.utm_source, 'bing');
    assert.equal(seen.landing_page, '/landing');
    assert.deepEqual(seen.click_ids, { gclid: 'g1', msclkid: 'm1' });
    assert.deepEqual([at(seen.first_seen_at), at(seen.last_seen_at)], [earliest, late]);
    const { n } = await h.one<{ n: number }>('select count(*) as n from events where visitor_id = $1', [seen.id]);
    assert.equal(n, 3);
  });

  test('concurrent batches of the same visitors, new and then known, make one visitor each with every event and its widest seen range', async () => {
    const batch = (round: number) =>
      Array.from({ length: 20 }, (_, i) => ({
        event: 'page_view',
        anonymous_id: `anon-race-${i % 5}`,
        timestamp: minutesAgo(10 * round + i),
      }));
    for (const rounds of [
      [1, 2, 3, 4],
      [0, 5, 6, 7],
    ]) {
      await Promise.all(rounds.map((round) => h.call(trackEvent, { batch: batch(round) }, secret)));
    }
    const visitors = await h.db.query<{
      anonymous_id: string;
      first: string;
      last: string;
      events: number;
      earliest: string;
      latest: string;
    }>(
      `select v.anonymous_id, v.first_seen_at as first, v.last_seen_at as last, count(e.id) as events,
         min(e.occurred_at) as earliest, max(e.occurred_at) as latest
       from visitors v left join events e on e.visitor_id = v.id
       where v.anonymous_id like 'anon-race-%' group by v.id order by v.anonymous_id`,
    );
    assert.deepEqual(
      visitors.map((v) => v.anonymous_id),
      ['anon-race-0', 'anon-race-1', 'anon-race-2', 'anon-race-3', 'anon-race-4'],
    );
    for (const v of visitors) assert.deepEqual([v.events, v.first, v.last], [32, v.earliest, v.latest], v.anonymous_id);
  });

  test('concurrent batches sharing event ids in opposite orders both answer, and each event is recorded once', async () => {
    const events = Array.from({ length: 400 }, (_, i) => ({
      event: 'button_clicked',
      anonymous_id: `anon-crossed-${i % 4}`,
      event_id: `crossed-${String(i).padStart(3, '0')}`,
    }));
    // Inserted in the batch's order, each waited for the other's commit in one round or more of eight (a deadlock,
    // which PostgreSQL ended by failing one batch).
    for (let round = 0; round < 8; round++) {
      const batches = [events, [...events].reverse()].map((batch) =>
        batch.map((event) => ({ ...event, event_id: `${event.event_id}-${round}` })),
      );
      const answers = await Promise.all(batches.map((batch) => h.call(trackEvent, { batch }, secret)));
      assert.equal(answers[0]!.accepted + answers[1]!.accepted, 400, JSON.stringify(answers.map((a) => a.accepted)));
    }
    const { n } = await h.one<{ n: number }>("select count(*) as n from events where workspace_id = $1 and dedupe_key like 'crossed-%'", [
      workspaceId,
    ]);
    assert.equal(n, 3200);
  });

  test('a user id that names a contact (by id or e-mail) links the event and the visitor to that contact', async () => {
    const contact = await h.one<{ id: string; email: string }>(
      'select id, email from contacts where workspace_id = $1 and email is not null order by id limit 1',
      [workspaceId],
    );
    const answer = await h.call(
      trackEvent,
      { event: 'identify', anonymous_id: 'anon-identified', user_id: contact.email.toUpperCase(), properties: { name: 'Ada L.' } },
      secret,
    );
    const event = await h.one<{ contact_id: string; user_id: string; visitor_id: string }>('select * from events where id = $1', [
      answer.ids[0],
    ]);
    assert.equal(event.contact_id, contact.id);
    assert.equal(event.user_id, contact.email.toUpperCase());
    const visitor = await h.one<{ contact_id: string; identified_at: string | null; person_name: string }>(
      'select * from visitors where id = $1',
      [event.visitor_id],
    );
    assert.equal(visitor.contact_id, contact.id);
    assert.ok(visitor.identified_at);
    assert.equal(visitor.person_name, 'Ada L.');
    const byId = await h.call(trackEvent, { event: 'agent_task_completed', user_id: contact.id }, secret);
    const second = await h.one<{ contact_id: string }>('select contact_id from events where id = $1', [byId.ids[0]]);
    assert.equal(second.contact_id, contact.id);
  });

  test('a batch records every event in one call; event ids and an idempotency key make a retry count once', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => ({
      event: 'button_clicked',
      anonymous_id: `anon-batch-${i % 7}`,
      event_id: `batch-event-${i}`,
      timestamp: minutesAgo(50 - i),
    }));
    const first = await h.call(trackEvent, { batch }, secret);
    assert.deepEqual([first.accepted, first.duplicates], [50, 0]);
    const again = await h.call(trackEvent, { batch: [...batch.slice(40), { ...batch[0]!, event_id: 'batch-event-new' }] }, secret);
    assert.deepEqual([again.accepted, again.duplicates], [1, 10]);
    assert.deepEqual(again.ids.slice(0, 10), Array(10).fill(null));
    // One event id twice in a batch: the first is recorded, the second answered as a duplicate.
    const pair = [batch[0]!, batch[1]!].map((event) => ({ ...event, event_id: 'batch-event-twice' }));
    const twice = await h.call(trackEvent, { batch: pair }, secret);
    assert.deepEqual([twice.accepted, twice.duplicates, typeof twice.ids[0], twice.ids[1]], [1, 1, 'string', null]);
    const keyed = { batch: [{ event: 'button_clicked', anonymous_id: 'anon-keyed' }], idempotency_key: 'track-once' };
    const once = await h.call(trackEvent, keyed, secret);
    assert.deepEqual(await h.call(trackEvent, keyed, secret), once);
    const { n } = await h.one<{ n: number }>(
      "select count(*) as n from events e join visitors v on v.id = e.visitor_id where v.anonymous_id = 'anon-keyed'",
    );
    assert.equal(n, 1);
    const { visitors } = await h.one<{ visitors: number }>(
      "select count(*) as visitors from visitors where workspace_id = $1 and anonymous_id like 'anon-batch-%'",
      [workspaceId],
    );
    assert.equal(visitors, 7);
  });

  test('bad input refuses the whole batch, naming the event and the problem', async () => {
    const good = { event: 'ok', anonymous_id: 'anon-bad' };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ batch: [good, { ...good, colour: 'red' }] }, /batch\.1: unknown argument\(s\) "colour"/],
      [
        { batch: [good, { ...good, timestamp: new Date(Date.now() + 3 * 3_600_000).toISOString() }] },
        /batch\.1\.timestamp: is more than an hour in the future/,
      ],
      [{ batch: [{ ...good, timestamp: '2020-01-01T00:00:00Z' }] }, /batch\.0\.timestamp: is more than 366 days old/],
      [{ batch: [good, { ...good, properties: { blob: 'x'.repeat(20_000) } }] }, /batch\.1\.properties: must be at most 16 KB/],
      [{ batch: Array.from({ length: 501 }, () => good) }, /batch: Too big/],
      [{ batch: [{ event: 'ok' }] }, /batch\.0\.anonymous_id: give anonymous_id or user_id/],
      [{ ...good, batch: [good] }, /not both/],
      [{ event: 'meeting_booked', anonymous_id: 'a' }, /journey milestone/],
      [{}, /event/],
    ];
    for (const [input, message] of cases) {
      const error = await h.refuse(trackEvent, input, 'invalid_argument', secret);
      assert.match(error.message, message);
    }
    const { n } = await h.one<{ n: number }>("select count(*) as n from visitors where anonymous_id = 'anon-bad'");
    assert.equal(n, 0);
  });

  test('read-only keys may not track; a key tracks only into its own workspace', async () => {
    await h.refuse(trackEvent, { event: 'signup', anonymous_id: 'a' }, 'insufficient_scope', h.as.northwindReadOnly);
    const bluebird = await h.workspaceIds('bluebird');
    await h.refuse(trackEvent, { workspace: bluebird[0], event: 'signup', anonymous_id: 'a' }, 'not_found', secret);
  });
});
