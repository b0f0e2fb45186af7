import type { Queryable } from '../../db/database.ts';
import { unnestRows } from '../../db/bulk.ts';
import { newId } from '../../ids.ts';
import { parsedUrl } from '../../parsed-url.ts';
import type { EVENT_KINDS } from './schema.ts';

/** The ad platforms' click ids a landing URL may carry; kept on the event and, from the first visit, on the visitor. */
export const CLICK_IDS = ['gclid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid'] as const;

/** An event as a sender tracked it, already validated. */
export interface IncomingEvent {
  name: string;
  anonymousId?: string | undefined;
  userId?: string | undefined;
  /** The sender's own id for the event: the same id twice in a workspace is one event. */
  eventId?: string | undefined;
  occurredAt: Date;
  properties: Record<string, unknown>;
  url?: string | undefined;
  path?: string | undefined;
  title?: string | undefined;
  referrer?: string | undefined;
  source?: string | undefined;
  medium?: string | undefined;
  campaign?: string | undefined;
  term?: string | undefined;
  content?: string | undefined;
}

/** Where an event says its visit came from, the URL's utm parameters and click ids filling what the sender left out. */
interface Attributed extends IncomingEvent {
  path?: string | undefined;
  clickIds: Record<string, string>;
}

const UTM_FIELDS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** What a page URL says of the visit: its path, and the utm values and click ids of its query. */
interface Landing {
  path?: string | undefined;
  utm: Partial<Record<(typeof UTM_FIELDS)[number], string>>;
  clickIds: Partial<Record<(typeof CLICK_IDS)[number], string>>;
}

/** URLs read once per batch: a batch's events come from a handful of pages. */
type Landings = Map<string, Landing>;

const NO_LANDING: Landing = { utm: {}, clickIds: {} };

/** The query parameters a landing reads, each with where its value goes: `utm_source` to utm.source, `gclid` to clickIds. */
const LANDING_PARAMETERS = new Map<string, (landing: Landing, value: string) => void>([
  ...UTM_FIELDS.map((field) => [`utm_${field}`, (landing: Landing, value: string) => (landing.utm[field] ??= value)] as const),
  ...CLICK_IDS.map((id) => [id, (landing: Landing, value: string) => (landing.clickIds[id] ??= value)] as const),
]);

function landingOf(text: string, landings: Landings): Landing {
  let landing = landings.get(text);
  if (landing === undefined) {
    landing = { utm: {}, clickIds: {} };
    const url = parsedUrl(text); // a URL that does not parse is kept as sent; it just says nothing more
    if (url) {
      landing.path = url.pathname;
      // One pass over the query, the first non-empty value of a parameter counting (most pages' URLs are distinct).
      if (url.search) {
        for (const [name, value] of url.searchParams) if (value) LANDING_PARAMETERS.get(name)?.(landing, value);
      }
    }
    landings.set(text, landing);
  }
  return landing;
}

function attributed(event: IncomingEvent, landings: Landings): Attributed {
  const landing = event.url ? landingOf(event.url, landings) : NO_LANDING;
  const clickIds: Record<string, string> = {};
  let clicked = false;
  for (const id of CLICK_IDS) {
    // A click id among the properties stands, even one that is not text; else the URL's.
    const value = event.properties[id] ?? landing.clickIds[id];
    if (typeof value === 'string' && value !== '') {
      clickIds[id] = value;
      clicked = true;
    }
  }
  // Written out rather than spread: every event then has one shape, which the loops over a batch read fast.
  return {
    name: event.name,
    anonymousId: event.anonymousId,
    userId: event.userId,
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    url: event.url,
    title: event.title,
    referrer: event.referrer,
    path: event.path ?? landing.path,
    source: event.source ?? landing.utm.source,
    medium: event.medium ?? landing.utm.medium,
    campaign: event.campaign ?? landing.utm.campaign,
    term: event.term ?? landing.utm.term,
    content: event.content ?? landing.utm.content,
    properties: clicked ? { ...event.properties, ...clickIds } : event.properties,
    clickIds,
  };
}

/** Instants as ISO text, each distinct one written once: a batch's events share a handful. */
function isoWriter(): (date: Date) => string {
  const texts = new Map<number, string>();
  return (date) => {
    const ms = date.getTime();
    let text = texts.get(ms);
    if (text === undefined) {
      text = date.toISOString();
      texts.set(ms, text);
    }
    return text;
  };
}

const EVENT_COLUMNS = {
  id: 'text',
  workspace_id: 'text',
  kind: 'text',
  name: 'text',
  visitor_id: 'text',
  contact_id: 'text',
  user_id: 'text',
  dedupe_key: 'text',
  occurred_at: 'timestamptz',
  url: 'text',
  path: 'text',
  page_title: 'text',
  referrer: 'text',
  source: 'text',
  medium: 'text',
  campaign: 'text',
  properties: 'jsonb',
} as const;

const VISITOR_COLUMNS = {
  id: 'text',
  workspace_id: 'text',
  anonymous_id: 'text',
  first_seen_at: 'timestamptz',
  last_seen_at: 'timestamptz',
  referrer: 'text',
  landing_page: 'text',
  utm_source: 'text',
  utm_medium: 'text',
  utm_campaign: 'text',
  utm_term: 'text',
  utm_content: 'text',
  click_ids: 'jsonb',
  contact_id: 'text',
  identified_at: 'timestamptz',
  person_name: 'text',
  person_email: 'text',
} as const;

/** The visitor an event belongs to: its anonymous id, else its user id (a server that knows only the user). */
function visitorKey(event: IncomingEvent): string {
  return event.anonymousId ?? event.userId!;
}

export interface Recorded {
  /** Per event, in order: its id, or null when the workspace had its event id already. */
  ids: (string | null)[];
}

/**
 * Records tracked events in one workspace: their visitors created where new, the events (skipping any whose event id
 * the workspace has), then the visitors known before brought up to date (first and last seen; the referrer, landing
 * page, utm values and click ids of the first visit; the contact a user id names). A handful of statements whatever
 * the batch size, so a write transaction stays short. Known visitors are updated last because the update locks their
 * rows until commit: concurrent batches of the same visitors (a site's busy ones) then wait for each other's commit
 * only, not for each other's events.
 */
export async function recordEvents(
  db: Queryable,
  workspaceId: string,
  kind: (typeof EVENT_KINDS)[number],
  incoming: readonly IncomingEvent[],
): Promise<Recorded> {
  const landings: Landings = new Map();
  const events = incoming.map((event) => attributed(event, landings));
  const iso = isoWriter();
  const contacts = await contactsNamed(db, workspaceId, events);
  const visitors = visitorRows(workspaceId, events, contacts, iso);
  const { ids: visitorIds, known } = await createVisitors(db, workspaceId, visitors);
  const rows = events.map((event) => ({
    id: newId('event'),
    workspace_id: workspaceId,
    kind,
    name: event.name,
    visitor_id: visitorIds.get(visitorKey(event)),
    contact_id: event.userId === undefined ? null : (contacts.get(event.userId.toLowerCase()) ?? null),
    user_id: event.userId ?? null,
    dedupe_key: event.eventId ?? null,
    occurred_at: iso(event.occurredAt),
    url: event.url ?? null,
    path: event.path ?? null,
    page_title: event.title ?? null,
    referrer: event.referrer ?? null,
    source: event.source ?? null,
    medium: event.medium ?? null,
    campaign: event.campaign ?? null,
    properties: event.properties,
  }));
  const kept = await insertEvents(db, rows);
  await updateVisitors(db, known);
  return { ids: rows.map((row) => (kept.has(row.id) ? row.id : null)) };
}

/**
 * Inserts the events, skipping those whose event id the workspace has; returns the ids inserted. Without any event id
 * it is a plain insert: an insert that may meet a conflict checks and locks each row on its way in.
 */
async function insertEvents(db: Queryable, rows: ReadonlyArray<Record<keyof typeof EVENT_COLUMNS, unknown>>): Promise<Set<unknown>> {
  const insert = unnestRows(EVENT_COLUMNS, rows);
  if (rows.every((row) => row.dedupe_key === null)) {
    await db.query(`insert into events (${insert.columns}) ${insert.select}`, insert.params);
    return new Set(rows.map((row) => row.id));
  }
  // In event id order, whatever the batch's: an insert that meets another batch's uncommitted event id waits for its
  // commit, so two batches sharing event ids in opposite orders would each wait for the other. One event id twice in
  // a batch keeps the first (ids rise in the batch's order).
  const inserted = await db.query<{ id: string }>(
    `insert into events (${insert.columns}) ${insert.select} order by dedupe_key, id
     on conflict (workspace_id, dedupe_key) where dedupe_key is not null do nothing returning id`,
    insert.params,
  );
  return new Set(inserted.map((row) => row.id));
}

/** The workspace's contacts that user ids name, by contact id or e-mail (lower-cased keys). */
async function contactsNamed(db: Queryable, workspaceId: string, events: readonly Attributed[]): Promise<Map<string, string>> {
  const userIds = [...new Set(events.flatMap((event) => (event.userId === undefined ? [] : [event.userId.toLowerCase()])))];
  if (userIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; email: string | null }>(
    'select id, lower(email) as email from contacts where workspace_id = $1 and (lower(id) = any($2) or lower(email) = any($2))',
    [workspaceId, userIds],
  );
  const named = new Map<string, string>();
  for (const row of rows) {
    named.set(row.id.toLowerCase(), row.id);
    if (row.email) named.set(row.email, row.id);
  }
  return named;
}

type VisitorRow = Record<keyof typeof VISITOR_COLUMNS, unknown> & { anonymous_id: string };

/**
 * One row per visitor of the batch, from its events in time order: seen from the first to the last, attributed to
 * the first that says where it came from.
 */
function visitorRows(
  workspaceId: string,
  events: readonly Attributed[],
  contacts: Map<string, string>,
  iso: (date: Date) => string,
): VisitorRow[] {
  const byKey = new Map<string, Attributed[]>();
  for (const event of [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    const key = visitorKey(event);
    const seen = byKey.get(key);
    if (seen) seen.push(event);
    else byKey.set(key, [event]);
  }
  // Visitors in one order, whatever the batch's: two batches creating or updating the same visitors lock them in turn,
  // never in a cycle.
  return [...byKey]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, seen]) => {
      const first = <K extends keyof Attributed>(field: K) => seen.find((event) => event[field] !== undefined)?.[field] ?? null;
      const identified = seen.find((event) => event.userId !== undefined);
      const traits = seen.findLast((event) => event.name === 'identify')?.properties;
      return {
        id: newId('visitor'),
        workspace_id: workspaceId,
        anonymous_id: key,
        first_seen_at: iso(seen[0]!.occurredAt),
        last_seen_at: iso(seen.at(-1)!.occurredAt),
        referrer: first('referrer'),
        landing_page: first('path'),
        utm_source: first('source'),
        utm_medium: first('medium'),
        utm_campaign: first('campaign'),
        utm_term: first('term'),
        utm_content: first('content'),
        click_ids: Object.assign({}, ...seen.map((event) => event.clickIds).reverse()),
        contact_id: identified ? (contacts.get(identified.userId!.toLowerCase()) ?? null) : null,
        identified_at: identified ? iso(identified.occurredAt) : null,
        person_name: typeof traits?.name === 'string' ? traits.name : null,
        person_email: typeof traits?.email === 'string' ? traits.email : null,
      };
    });
}

/**
 * Finds the batch's visitors and inserts those that are new (without waiting on or locking the known ones); returns
 * every visitor's id by key, with the rows of the visitors that were known already, to be brought up to date by
 * `updateVisitors`. Most of a batch's visitors are known (a visit sends several batches), so they are looked up first
 * and only the rest are offered to an insert.
 */
async function createVisitors(
  db: Queryable,
  workspaceId: string,
  rows: readonly VisitorRow[],
): Promise<{ ids: Map<string, string>; known: VisitorRow[] }> {
  const ids = await visitorIds(db, workspaceId, rows);
  const fresh = rows.filter((row) => !ids.has(row.anonymous_id));
  if (fresh.length === 0) return { ids, known: [...rows] };
  const insert = unnestRows(VISITOR_COLUMNS, fresh);
  const created = await db.query<{ id: string; anonymous_id: string }>(
    `insert into visitors (${insert.columns}) ${insert.select}
     on conflict (workspace_id, anonymous_id) do nothing returning id, anonymous_id`,
    insert.params,
  );
  for (const row of created) ids.set(row.anonymous_id, row.id);
  // Visitors another batch created meanwhile: the insert waited for its commit, so a statement of its own sees them.
  const raced = fresh.filter((row) => !ids.has(row.anonymous_id));
  if (raced.length > 0) for (const [key, id] of await visitorIds(db, workspaceId, raced)) ids.set(key, id);
  const createdKeys = new Set(created.map((row) => row.anonymous_id));
  // In the rows' key order, which updateVisitors locks them in.
  return { ids, known: rows.filter((row) => !createdKeys.has(row.anonymous_id)) };
}

async function visitorIds(db: Queryable, workspaceId: string, rows: readonly VisitorRow[]): Promise<Map<string, string>> {
  const found = await db.query<{ id: string; anonymous_id: string }>(
    'select id, anonymous_id from visitors where workspace_id = $1 and anonymous_id = any($2)',
    [workspaceId, rows.map((row) => row.anonymous_id)],
  );
  return new Map(found.map((row) => [row.anonymous_id, row.id]));
}

/**
 * Brings known visitors up to date with the batch: a visitor keeps its first visit's attribution and widens its seen
 * range.
 */
async function updateVisitors(db: Queryable, rows: readonly VisitorRow[]): Promise<void> {
  if (rows.length === 0) return;
  const insert = unnestRows(VISITOR_COLUMNS, rows);
  // A visitor's first visit is the earliest event ever seen: the stored row's attribution stands unless this batch
  // holds an earlier event (a late arrival), and each field is filled when still empty.
  const firstTouch = ['referrer', 'landing_page', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content']
    .map(
      (column) =>
        `${column} = case when excluded.first_seen_at < visitors.first_seen_at then coalesce(excluded.${column}, visitors.${column})
         else coalesce(visitors.${column}, excluded.${column}) end`,
    )
    .join(',\n');
  await db.query(
    `insert into visitors (${insert.columns}) ${insert.select}
     on conflict (workspace_id, anonymous_id) do update set
       first_seen_at = least(visitors.first_seen_at, excluded.first_seen_at),
       last_seen_at = greatest(visitors.last_seen_at, excluded.last_seen_at),
       ${firstTouch},
       click_ids = case when excluded.first_seen_at < visitors.first_seen_at then visitors.click_ids || excluded.click_ids
         else excluded.click_ids || visitors.click_ids end,
       contact_id = coalesce(visitors.contact_id, excluded.contact_id),
       identified_at = least(visitors.identified_at, excluded.identified_at),
       person_name = coalesce(excluded.person_name, visitors.person_name),
       person_email = coalesce(excluded.person_email, visitors.person_email)`,
    insert.params,
  );
}
