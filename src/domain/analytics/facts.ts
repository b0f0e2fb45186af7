import type { SignalSql } from './channels.ts';

/** How events (alias `e`) say where their visit came from: lower-cased, the referrer reduced to its host without `www.`. */
export type Signals = SignalSql & { source: string; medium: string; campaign: string; referrerDomain: string };

/**
 * Where an analytics query reads its facts: the raw events; `event_hours` (migrations 013 and 018), the same events
 * rolled up by hour, visitor and traffic signals, read through the view that joins the signals back; or
 * `visitor_hours` (migration 014), rolled up by hour and visitor alone. All are read as alias `e`, so one query text
 * serves any.
 */
export interface Facts {
  table: 'events' | 'event_hours_with_signals' | 'visitor_hours';
  /** The instant column a window bounds. */
  time: string;
  /** Absent where the facts dropped them. */
  signals?: Signals;
  /** The visitor, as counting distinct visitors compares them. */
  visitor: string;
  /** How `visitors v` joins the facts. */
  visitorJoin: string;
  count: string;
  pageviews: string;
}

/**
 * Ids compared byte for byte: counting distinct visitors or sessions sorts their ids, several times faster in C order
 * than in the database's locale, and distinct ids stay distinct either way.
 */
export const BYTEWISE = 'collate "C"';

export const RAW_EVENTS = {
  table: 'events',
  time: 'e.occurred_at',
  signals: {
    source: 'lower(e.source)',
    medium: 'lower(e.medium)',
    campaign: 'lower(e.campaign)',
    referrerDomain: `lower(substring(e.referrer from '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)'))`,
    gclid: `e.properties ->> 'gclid' is not null`,
    msclkid: `e.properties ->> 'msclkid' is not null`,
  },
  visitor: `e.visitor_id ${BYTEWISE}`,
  visitorJoin: 'v.id = e.visitor_id',
  count: 'count(*)',
  pageviews: `count(*) filter (where e.name = 'page_view')`,
} satisfies Facts;

/** The rollup holds each signal as RAW_EVENTS computes it (its trigger runs the same expressions). */
export const EVENT_HOURS = {
  table: 'event_hours_with_signals',
  time: 'e.hour',
  signals: {
    source: 'e.source',
    medium: 'e.medium',
    campaign: 'e.campaign',
    referrerDomain: 'e.referrer_domain',
    gclid: 'e.gclid',
    msclkid: 'e.msclkid',
  },
  visitor: 'e.visitor_number',
  visitorJoin: 'v.number = e.visitor_number',
  count: 'coalesce(sum(e.events), 0)',
  pageviews: 'coalesce(sum(e.pageviews), 0)',
} satisfies Facts;

export const VISITOR_HOURS: Facts = {
  table: 'visitor_hours',
  time: 'e.hour',
  visitor: EVENT_HOURS.visitor,
  visitorJoin: EVENT_HOURS.visitorJoin,
  count: EVENT_HOURS.count,
  pageviews: EVENT_HOURS.pageviews,
};

/**
 * What a question reads of each event: fields of its own (name, path, properties, its time to the second), where its
 * visit came from, or no more than its visitor and hour.
 */
export type FactsNeeded = 'event' | 'signals' | 'visitor';

const HOUR_MS = 3_600_000;

/**
 * The narrowest facts that answer: a rollup, when every bound falls on a whole hour (any day, week or month of a zone
 * whose offset is whole hours does) and the question needs nothing it dropped. `raw` forces the events, for the test
 * that holds them all to the same answers.
 */
export function factsFor(bounds: readonly Date[], needed: FactsNeeded, raw = false): Facts {
  if (raw || needed === 'event' || bounds.some((bound) => bound.getTime() % HOUR_MS !== 0)) return RAW_EVENTS;
  return needed === 'signals' ? EVENT_HOURS : VISITOR_HOURS;
}

/** The facts' signals, which a question about where visits came from was given facts that keep. */
export function signalsOf(facts: Facts): Signals {
  if (!facts.signals) throw new Error(`${facts.table} keeps no traffic signals`);
  return facts.signals;
}
