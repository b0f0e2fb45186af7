import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWithDemo } from '../../../test/helpers/operations.ts';
import { type Channel, channelRuleSql, classifyChannel, ruleAt, type TrafficSignals } from './channels.ts';

type Case = [
  source: string | null,
  medium: string | null,
  campaign: string | null,
  referrer: string | null,
  clickIds: string,
  channel: Channel,
];

/** source, medium, campaign, referrer domain, click ids ("gclid", "msclkid", "fbclid"), and the channel GA4 gives. */
const CASES: Case[] = [
  ['facebook', 'paid', null, 'facebook.com', '', 'Paid Social'],
  ['facebook', 'cpc', null, null, 'fbclid', 'Paid Social'],
  ['facebook', 'social', null, 'facebook.com', '', 'Organic Social'],
  // Meta sets fbclid on organic clicks too: it decides nothing.
  ['facebook', null, null, 'l.facebook.com', 'fbclid', 'Organic Social'],
  ['m.facebook.com', null, null, 'm.facebook.com', '', 'Organic Social'],
  ['Facebook', 'Paid_Social', null, null, '', 'Paid Social'],
  ['instagram', 'retargeting', null, null, '', 'Paid Social'],
  ['LinkedIn', 'Paid', null, 'linkedin.com', '', 'Paid Social'],
  ['google', 'cpc', 'brand-search', 'google.com', 'gclid', 'Paid Search'],
  ['google', null, null, 'google.com', 'gclid', 'Paid Search'],
  ['google', 'organic', null, 'google.com', '', 'Organic Search'],
  ['google', null, null, 'google.com', '', 'Organic Search'],
  ['bing', null, null, 'bing.com', 'msclkid', 'Paid Search'],
  ['bing', 'organic', null, 'bing.com', '', 'Organic Search'],
  ['duckduckgo', null, null, null, '', 'Organic Search'],
  [null, 'organic', null, null, '', 'Organic Search'],
  ['youtube', 'cpv-campaign', null, null, '', 'Paid Video'],
  ['youtube', null, null, 'youtube.com', '', 'Organic Video'],
  [null, 'video', null, null, '', 'Organic Video'],
  ['amazon', 'ppc', null, null, '', 'Paid Shopping'],
  ['partner', 'cpc', 'summer-shop-sale', null, '', 'Paid Shopping'],
  ['etsy', null, null, 'etsy.com', '', 'Organic Shopping'],
  [null, null, 'shopping-week', null, '', 'Organic Shopping'],
  ['dv360', 'display', null, null, '', 'Display'],
  ['adnetwork', 'cpm', null, null, '', 'Display'],
  ['adnetwork', 'paid-other', null, null, '', 'Paid Other'],
  ['google', 'cpc', 'pmax-cross-network', null, 'gclid', 'Cross-network'],
  ['newsletter', 'email', 'webinar-series', null, '', 'Email'],
  ['e-mail', null, null, null, '', 'Email'],
  ['partner', 'affiliate', null, null, '', 'Affiliates'],
  ['podcast', 'audio', null, null, '', 'Audio'],
  ['sms', null, null, null, '', 'SMS'],
  [null, 'web-push', null, null, '', 'Mobile Push Notifications'],
  ['firebase', null, null, null, '', 'Mobile Push Notifications'],
  ['g2', 'referral', null, 'g2.com', '', 'Referral'],
  ['chatgpt.com', null, null, 'chatgpt.com', '', 'Referral'],
  [null, null, null, 'blog.example-partner.com', '', 'Referral'],
  ['(direct)', '(none)', null, null, '', 'Direct'],
  [null, null, null, null, 'fbclid', 'Direct'],
];

function signals([source, medium, campaign, referrer, clickIds]: Case): TrafficSignals {
  return { source, medium, campaign, referrerDomain: referrer, gclid: clickIds.includes('gclid'), msclkid: clickIds.includes('msclkid') };
}

test("GA4's default channel grouping on a table of sources, mediums, campaigns, referrers and click ids", () => {
  for (const example of CASES) assert.equal(classifyChannel(signals(example)).channel, example[5], JSON.stringify(example));
  assert.match(classifyChannel(signals(CASES[0]!)).because, /social network with a paid medium/);
});

await describeWithDemo('channel grouping in SQL', (h) => {
  test('the SQL expression classifies every case as the code does', async () => {
    const values = CASES.map(
      (_, i) =>
        `($${i * 6 + 1}::text, $${i * 6 + 2}::text, $${i * 6 + 3}::text, $${i * 6 + 4}::text, $${i * 6 + 5}::boolean, $${i * 6 + 6}::boolean)`,
    );
    const params = CASES.flatMap((example) => {
      const s = signals(example);
      return [s.source, s.medium, s.campaign, s.referrerDomain, s.gclid, s.msclkid];
    });
    const sql = channelRuleSql({
      source: 'lower(source)',
      medium: 'lower(medium)',
      campaign: 'lower(campaign)',
      referrerDomain: 'lower(referrer)',
      gclid: 'gclid',
      msclkid: 'msclkid',
    });
    const rows = await h.sql<{ rule: number }>(
      `select ${sql} as rule from (values ${values.join(', ')}) as v(source, medium, campaign, referrer, gclid, msclkid)`,
      params,
    );
    assert.deepEqual(
      rows.map((row) => ruleAt(row.rule).channel),
      CASES.map((example) => example[5]),
    );
  });
});
