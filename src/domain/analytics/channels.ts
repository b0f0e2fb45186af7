/**
 * GA4's default channel grouping, in the order and with the source lists Plausible and PostHog implement it. The
 * rules are data, read two ways from this one table: `classifyChannel` in code, and `channelRuleSql` as a SQL
 * expression, so a breakdown by channel counts distinct visitors in the database and both always agree.
 */

/** What a hit carries that decides its channel; all compared lower-cased. */
export interface TrafficSignals {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  /** The referrer's host without `www.`. */
  referrerDomain: string | null;
  /** Google Ads and Microsoft Ads click ids (fbclid decides nothing: Meta sets it on paid and organic clicks). */
  gclid: boolean;
  msclkid: boolean;
}

type Field = 'source' | 'medium' | 'campaign' | 'referrerDomain';
/** One test: a field matches a (POSIX- and JS-compatible) pattern, is one of a list, is present; or a click id is set. */
type Test =
  | { field: Field; pattern: string }
  | { field: Field; oneOf: readonly string[] }
  | { field: 'referrerDomain'; present: true }
  | { clickId: 'gclid' | 'msclkid' };
/** An alternative: all of its tests hold. */
interface Alternative {
  channel: Channel;
  all: readonly Test[];
  /** Says why, in a result: "medium matches the paid pattern". */
  because: string;
}

export const CHANNELS = [
  'Cross-network',
  'Paid Shopping',
  'Paid Search',
  'Paid Social',
  'Paid Video',
  'Display',
  'Paid Other',
  'Organic Shopping',
  'Organic Social',
  'Organic Video',
  'Organic Search',
  'Email',
  'Affiliates',
  'Audio',
  'SMS',
  'Mobile Push Notifications',
  'Referral',
  'Direct',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** GA4's paid medium. */
const PAID_MEDIUM = '^(.*cp.*|ppc|retargeting|paid.*)$';
const SHOPPING_CAMPAIGN = '^(.*(([^a-df-z]|^)shop|shopping).*)$';

// biome-ignore format: a list of names reads best packed
const SEARCH_SOURCES = [
  'google', 'bing', 'yahoo', 'duckduckgo', 'baidu', 'yandex', 'ecosia', 'brave', 'naver', 'seznam', 'qwant',
  'startpage', 'ask', 'aol', 'sogou', 'so.com', 'daum', 'msn', 'search.brave.com', 'google.com', 'bing.com',
  'duckduckgo.com', 'search.yahoo.com', 'yandex.ru', 'baidu.com', 'ecosia.org', 'kagi', 'kagi.com', 'perplexity',
  'perplexity.ai',
] as const;
// biome-ignore format: a list of names reads best packed
const SOCIAL_SOURCES = [
  'facebook', 'fb', 'facebook.com', 'm.facebook.com', 'l.facebook.com', 'lm.facebook.com', 'instagram', 'ig',
  'instagram.com', 'l.instagram.com', 'linkedin', 'linkedin.com', 'lnkd.in', 'twitter', 'x', 'x.com', 't.co',
  'twitter.com', 'reddit', 'reddit.com', 'old.reddit.com', 'pinterest', 'pinterest.com', 'tiktok', 'tiktok.com',
  'snapchat', 'threads', 'threads.net', 'mastodon', 'bsky', 'bsky.app', 'quora', 'quora.com', 'tumblr', 'vk',
  'vk.com', 'weibo', 'discord', 'discord.com', 'telegram', 't.me', 'whatsapp', 'messenger', 'news.ycombinator.com',
  'producthunt', 'producthunt.com', 'medium.com', 'xing', 'slack',
] as const;
// biome-ignore format: a list of names reads best packed
const VIDEO_SOURCES = [
  'youtube', 'youtube.com', 'm.youtube.com', 'youtu.be', 'vimeo', 'vimeo.com', 'twitch', 'twitch.tv', 'dailymotion',
  'wistia', 'ted',
] as const;
// biome-ignore format: a list of names reads best packed
const SHOPPING_SOURCES = [
  'amazon', 'amazon.com', 'ebay', 'ebay.com', 'etsy', 'etsy.com', 'shopify', 'shopify.com', 'walmart', 'walmart.com',
  'alibaba', 'aliexpress', 'igshopping', 'shopping.google.com', 'google shopping', 'mercadolibre', 'rakuten',
  'zalando',
] as const;
const EMAIL = ['email', 'e-mail', 'e_mail', 'e mail'] as const;

/** Every alternative of every rule, rules in GA4's order: the first that holds names the channel. */
const ALTERNATIVES: readonly Alternative[] = [
  { channel: 'Cross-network', all: [{ field: 'campaign', pattern: 'cross-network' }], because: 'campaign mentions cross-network' },
  {
    channel: 'Paid Shopping',
    all: [
      { field: 'source', oneOf: SHOPPING_SOURCES },
      { field: 'medium', pattern: PAID_MEDIUM },
    ],
    because: 'a shopping site with a paid medium',
  },
  {
    channel: 'Paid Shopping',
    all: [
      { field: 'campaign', pattern: SHOPPING_CAMPAIGN },
      { field: 'medium', pattern: PAID_MEDIUM },
    ],
    because: 'a shopping campaign with a paid medium',
  },
  {
    channel: 'Paid Search',
    all: [
      { field: 'source', oneOf: SEARCH_SOURCES },
      { field: 'medium', pattern: PAID_MEDIUM },
    ],
    because: 'a search engine with a paid medium',
  },
  {
    channel: 'Paid Search',
    all: [{ field: 'source', oneOf: ['google', 'google.com'] }, { clickId: 'gclid' }],
    because: 'Google with a gclid',
  },
  {
    channel: 'Paid Search',
    all: [{ field: 'source', oneOf: ['bing', 'bing.com'] }, { clickId: 'msclkid' }],
    because: 'Bing with an msclkid',
  },
  {
    channel: 'Paid Social',
    all: [
      { field: 'source', oneOf: SOCIAL_SOURCES },
      { field: 'medium', pattern: PAID_MEDIUM },
    ],
    because: 'a social network with a paid medium',
  },
  {
    channel: 'Paid Video',
    all: [
      { field: 'source', oneOf: VIDEO_SOURCES },
      { field: 'medium', pattern: PAID_MEDIUM },
    ],
    because: 'a video site with a paid medium',
  },
  {
    channel: 'Display',
    all: [{ field: 'medium', oneOf: ['display', 'banner', 'expandable', 'interstitial', 'cpm'] }],
    because: 'a display medium',
  },
  { channel: 'Paid Other', all: [{ field: 'medium', pattern: PAID_MEDIUM }], because: 'a paid medium' },
  { channel: 'Organic Shopping', all: [{ field: 'source', oneOf: SHOPPING_SOURCES }], because: 'a shopping site' },
  { channel: 'Organic Shopping', all: [{ field: 'campaign', pattern: SHOPPING_CAMPAIGN }], because: 'a shopping campaign' },
  { channel: 'Organic Social', all: [{ field: 'source', oneOf: SOCIAL_SOURCES }], because: 'a social network' },
  {
    channel: 'Organic Social',
    all: [{ field: 'medium', oneOf: ['social', 'social-network', 'social-media', 'sm', 'social network', 'social media'] }],
    because: 'a social medium',
  },
  { channel: 'Organic Video', all: [{ field: 'source', oneOf: VIDEO_SOURCES }], because: 'a video site' },
  { channel: 'Organic Video', all: [{ field: 'medium', pattern: '^(.*video.*)$' }], because: 'a video medium' },
  { channel: 'Organic Search', all: [{ field: 'source', oneOf: SEARCH_SOURCES }], because: 'a search engine' },
  { channel: 'Organic Search', all: [{ field: 'medium', oneOf: ['organic'] }], because: 'the organic medium' },
  { channel: 'Email', all: [{ field: 'source', oneOf: EMAIL }], because: 'an e-mail source' },
  { channel: 'Email', all: [{ field: 'medium', oneOf: EMAIL }], because: 'an e-mail medium' },
  { channel: 'Affiliates', all: [{ field: 'medium', oneOf: ['affiliate'] }], because: 'the affiliate medium' },
  { channel: 'Audio', all: [{ field: 'medium', oneOf: ['audio'] }], because: 'the audio medium' },
  { channel: 'SMS', all: [{ field: 'source', oneOf: ['sms'] }], because: 'the sms source' },
  { channel: 'SMS', all: [{ field: 'medium', oneOf: ['sms'] }], because: 'the sms medium' },
  {
    channel: 'Mobile Push Notifications',
    all: [{ field: 'medium', pattern: '(push$|mobile|notification)' }],
    because: 'a push, mobile or notification medium',
  },
  { channel: 'Mobile Push Notifications', all: [{ field: 'source', oneOf: ['firebase'] }], because: 'the firebase source' },
  { channel: 'Referral', all: [{ field: 'medium', oneOf: ['referral', 'app', 'link'] }], because: 'a referral medium' },
  { channel: 'Referral', all: [{ field: 'referrerDomain', present: true }], because: 'a referring site' },
];
const DIRECT = { channel: 'Direct' as const, because: 'no source, medium or referrer' };

/** Which channel a hit belongs to, and the rule that put it there. */
export function classifyChannel(signals: TrafficSignals): { channel: Channel; because: string } {
  return ruleAt(ALTERNATIVES.findIndex((alternative) => alternative.all.every((test) => holds(test, signals))));
}

function holds(test: Test, signals: TrafficSignals): boolean {
  if ('clickId' in test) return signals[test.clickId];
  const value = signals[test.field]?.toLowerCase() ?? '';
  if ('present' in test) return value !== '';
  if ('oneOf' in test) return test.oneOf.includes(value);
  return new RegExp(test.pattern).test(value);
}

/** How a query reads each signal: SQL expressions (trusted) giving lower-cased text, or booleans for click ids. */
export type SignalSql = Record<Field | 'gclid' | 'msclkid', string>;

/**
 * A SQL expression for the rule that classifies a row, from the same table `classifyChannel` reads: its index
 * (`ruleAt` turns it into the channel and the reason), or the channel's name.
 */
export function channelRuleSql(signals: SignalSql, answer: 'index' | 'channel' = 'index'): string {
  const branches = ALTERNATIVES.map((alternative, index) => {
    const then = answer === 'index' ? String(index) : literal(alternative.channel);
    return `when ${alternative.all.map((test) => testSql(test, signals)).join(' and ')} then ${then}`;
  });
  return `case ${branches.join(' ')} else ${answer === 'index' ? ALTERNATIVES.length : literal(DIRECT.channel)} end`;
}

/** The channel and reason of a rule index from `channelRuleSql`. */
export function ruleAt(index: number): { channel: Channel; because: string } {
  const { channel, because } = ALTERNATIVES[index] ?? DIRECT;
  return { channel, because };
}

function testSql(test: Test, signals: SignalSql): string {
  if ('clickId' in test) return `(${signals[test.clickId]})`;
  const value = `coalesce(${signals[test.field]}, '')`;
  if ('present' in test) return `${value} <> ''`;
  if ('oneOf' in test) return `${value} in (${test.oneOf.map(literal).join(', ')})`;
  return `${value} ~ ${literal(test.pattern)}`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
