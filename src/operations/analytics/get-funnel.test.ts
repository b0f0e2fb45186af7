import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeOperation } from '../../../test/helpers/operations.ts';
import { getFunnel } from './get-funnel.ts';
import { trackEvent } from './track-event.ts';

const MINUTE = 60_000;

await describeOperation(getFunnel, (h) => {
  const base = Date.now() - 3 * 24 * 60 * MINUTE;
  const at = (minutes: number) => new Date(base + minutes * MINUTE).toISOString();
  const steps = [{ event: 'f_view' }, { event: 'f_cart' }, { event: 'f_buy' }];

  // Hand-built visitors: [visitor, minute, event, utm source of the landing URL].
  before(async () => {
    const [workspace] = await h.workspaceIds('northwind');
    const secret = await h.keyFor('secret', workspace!);
    const sequences: Array<[string, number, string, string?]> = [
      ['in-order', 0, 'f_view', 'google'],
      ['in-order', 5, 'f_cart'],
      ['in-order', 20, 'f_buy'],
      ['with-noise', 0, 'f_view', 'google'],
      ['with-noise', 1, 'f_other'],
      ['with-noise', 2, 'f_cart'],
      ['with-noise', 3, 'f_buy'],
      ['backwards', 0, 'f_buy', 'facebook'],
      ['backwards', 1, 'f_cart'],
      ['backwards', 2, 'f_view'],
      ['too-slow', 0, 'f_view', 'facebook'],
      ['too-slow', 10, 'f_cart'],
      ['too-slow', 24 * 60 + 1, 'f_buy'],
      ['two-visits', 0, 'f_view', 'newsletter'],
      ['two-visits', 45, 'f_cart'],
    ];
    await h.call(
      trackEvent,
      {
        batch: sequences.map(([visitor, minute, event, source]) => ({
          event,
          anonymous_id: `funnel-${visitor}`,
          timestamp: at(minute),
          ...(source && { url: `https://shop.example/?utm_source=${source}` }),
        })),
      },
      secret,
    );
  });

  const entered = async (input: Record<string, unknown>) =>
    (await h.call(getFunnel, { workspace: 'northwind-web', steps, conversion_window: '1d', ...input })).steps.map((s) => s.entered);

  test('ordered, strict and unordered funnels on hand-built visitors, with the window and sessions', async () => {
    assert.deepEqual(await entered({}), [5, 4, 2], 'ordered: noise between allowed; backwards and too slow stop early');
    assert.deepEqual(await entered({ order: 'strict' }), [5, 3, 1], 'strict: the noise breaks with-noise after its view');
    assert.deepEqual(await entered({ order: 'unordered' }), [5, 5, 3], 'unordered: backwards counts; too-slow completes two steps');
    assert.deepEqual(await entered({ conversion_window: '10m' }), [5, 3, 1], 'the cart 10 minutes later is at the edge: it counts');
    assert.deepEqual(await entered({ counted_by: 'session' }), [5, 3, 2], 'two-visits took its cart in a second visit');
  });

  test('per step: rates, drop-off and time from the step before; a breakdown by the first step source', async () => {
    const result = await h.call(getFunnel, { workspace: 'northwind-web', steps, conversion_window: '1d', breakdown: 'source' });
    const [view, cart, buy] = result.steps;
    assert.deepEqual([view!.entered, view!.converted, cart!.conversion_from_first, cart!.drop_off], [5, 4, 0.8, 1]);
    assert.deepEqual([buy!.conversion_from_previous, buy!.drop_off], [0.5, 2]);
    // Carts after 5, 2, 10 and 45 minutes; buys 15 and 1 minutes after the cart.
    assert.deepEqual([cart!.median_seconds_to_convert, cart!.mean_seconds_to_convert], [450, 930]);
    assert.deepEqual([buy!.median_seconds_to_convert, buy!.mean_seconds_to_convert], [480, 480]);
    // backwards started from its view, which came without a source.
    assert.deepEqual(result.breakdown, [
      { value: 'google', entered: [2, 2, 2], conversion: 1 },
      { value: '(none)', entered: [1, 0, 0], conversion: 0 },
      { value: 'facebook', entered: [1, 1, 0], conversion: 0 },
      { value: 'newsletter', entered: [1, 1, 0], conversion: 0 },
    ]);
    assert.equal(result.breakdown_total, 4);
  });

  /**
   * A two-step funnel's entered and converted counts by SQL over the raw events: units with a first step in the range,
   * and of those, units with a second step within `days` after one of them (a unit's events at the same instant are
   * taken in step order, so a step may follow the one before at 0 seconds).
   */
  async function twoStepTruth(
    unit: 'visitor_id' | 'contact_id',
    first: string,
    second: string,
    days: number,
    range: { start: string; end: string },
  ) {
    const [truth] = await h.sql<{ entered: number; converted: number }>(
      `select count(distinct s.${unit}) as entered,
         count(distinct s.${unit}) filter (where exists (select 1 from events t where t.${unit} = s.${unit}
           and t.name = $4 and t.occurred_at >= s.occurred_at
           and t.occurred_at <= s.occurred_at + make_interval(days => $5) and t.occurred_at < $3)) as converted
       from events s where s.workspace_id = any($1) and ${first}
         and s.occurred_at >= $2 and s.occurred_at < $3 and s.${unit} is not null`,
      [await h.workspaceIds('northwind'), range.start, range.end, second, days],
    );
    return [Number(truth!.entered), Number(truth!.converted)];
  }

  test('a two-step funnel of the demo data equals the SQL, a step page path included', async () => {
    const result = await h.call(getFunnel, {
      steps: [{ event: 'page_view', path: '/pricing' }, { event: 'meeting_booked' }],
      conversion_window: '7d',
    });
    const truth = await twoStepTruth('visitor_id', "s.name = 'page_view' and s.path = '/pricing'", 'meeting_booked', 7, result.range);
    assert.ok(truth[0]! > 0);
    assert.deepEqual(
      result.steps.map((s) => s.entered),
      truth,
    );
  });

  test('counted by contact, a two-step funnel of the demo data equals the SQL', async () => {
    const result = await h.call(getFunnel, {
      steps: [{ event: 'identified' }, { event: 'meeting_booked' }],
      conversion_window: '3d',
      counted_by: 'contact',
    });
    const truth = await twoStepTruth('contact_id', "s.name = 'identified'", 'meeting_booked', 3, result.range);
    assert.ok(truth[0]! > 0 && truth[1]! > 0, JSON.stringify(truth));
    assert.deepEqual(
      result.steps.map((s) => s.entered),
      truth,
    );
  });

  test('refuses a funnel of one step, eleven, a property value of no type it takes, or a window it cannot read', async () => {
    await h.refuse(getFunnel, { steps: [{ event: 'a' }] }, 'invalid_argument');
    const nullValue = await h.refuse(
      getFunnel,
      { steps: [{ event: 'a', properties: { plan: null } }, { event: 'b' }] },
      'invalid_argument',
    );
    assert.match(nullValue.message, /^steps\.0\.properties\.plan: Invalid input: expected string or number or boolean, received null/);
    await h.refuse(getFunnel, { steps: Array.from({ length: 11 }, () => ({ event: 'a' })) }, 'invalid_argument');
    await h.refuse(getFunnel, { steps, conversion_window: '2 weeks' }, 'invalid_argument');
    await h.refuse(getFunnel, { steps, conversion_window: '91d' }, 'invalid_argument');
  });
});
