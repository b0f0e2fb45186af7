import type { SignalSql } from './channels.ts';

/**
 * Where an analytics query reads its facts: the raw events, or `event_hours` (migration 013), the same events rolled
 * up by hour, visitor and traffic signals. Both are read as alias `e`, so one query text serves either.
 */
export interface Facts {
  table: 'events' | 'event_hours';
  /** The instant column a window bounds. */
  time: string;
  /** How events (alias `e`) say where their visit came from: lower-cased, the referrer reduced to its host without `www.`. */
  signals: SignalSql & { source: string; medium: string; campaign: string; referrerDomain: string };
  /** What `count` and `pageviews` read, besides the visitor: to carry through a query's own columns. */
  measures: string;
  count: string;
  pageviews: string;
}

export const RAW_EVENTS: Facts = {
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
  measures: 'e.visitor_id, e.name',
  count: 'count(*)',
  pageviews: `count(*) filter (where e.name = 'page_view')`,
};

/** The rollup holds each signal as RAW_EVENTS computes it (its trigger runs the same expressions). */
export const EVENT_HOURS: Facts = {
  table: 'event_hours',
  time: 'e.hour',
  signals: {
    source: 'e.source',
    medium: 'e.medium',
    campaign: 'e.campaign',
    referrerDomain: 'e.referrer_domain',
    gclid: 'e.gclid',
    msclkid: 'e.msclkid',
  },
  measures: 'e.visitor_id, e.events, e.pageviews',
  count: 'coalesce(sum(e.events), 0)',
  pageviews: 'coalesce(sum(e.pageviews), 0)',
};

const HOUR_MS = 3_600_000;

/**
 * The rollup answers for a window when every bound falls on a whole hour (any day, week or month of a zone whose offset
 * is whole hours does) and the question needs nothing it dropped (event names, paths, properties, single events).
 * `raw` forces the events, for the test that holds both to the same answers.
 */
export function factsFor(bounds: readonly Date[], needsEvents: boolean, raw = false): Facts {
  return raw || needsEvents || bounds.some((bound) => bound.getTime() % HOUR_MS !== 0) ? RAW_EVENTS : EVENT_HOURS;
}
