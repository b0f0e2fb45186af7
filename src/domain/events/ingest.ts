import type { Queryable } from '../../db/database.ts';
import { unnestRows } from '../../db/bulk.ts';
import { newId } from '../../ids.ts';
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

/** URLs parsed once per batch: a batch's events come from a handful of pages. A URL that does not parse is null. */
type ParsedUrls = Map<string, URL | null>;

function parsedUrl(text: string, parsed: ParsedUrls): URL | null {
  let url = parsed.get(text);
  if (url === undefined) {
    // A URL that does not parse is kept as sent; it just says nothing more.
    url = URL.canParse(text) ? new URL(text) : null;
    parsed.set(text, url);
  }
  return url;
}

function attributed(event: IncomingEvent, parsed: ParsedUrls): Attributed {
  const url = event.url ? parsedUrl(event.url, parsed) : null;
  const query = url?.searchParams;
  const path = event.path ?? url?.pathname;
  const utm = (name: string) => query?.get(`utm_${name}`) || undefined;
  const clickIds: Record<string, string> = {};
  for (const id of CLICK_IDS) {
    const value = event.properties[id] ?? query?.get(id);
    if (typeof value === 'string' && value !== '') clickIds[id] = value;
  }
  return {
    ...event,
    path,
    source: event.source ?? utm('source'),
    medium: event.medium ?? utm('medium'),
    campaign: event.campaign ?? utm('campaign'),
    term: event.term ?? utm('term'),
    content: event.content ?? utm('content'),
    properties: { ...event.properties, ...clickIds },
    clickIds,
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
  const parsed: ParsedUrls = new Map();
  const events = incoming.map((event) => attributed(event, parsed));
  const contacts = await contactsNamed(db, workspaceId, events);
  const visitors = visitorRows(workspaceId, events, contacts);
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
    occurred_at: event.occurredAt.toISOString(),
    url: event.url ?? null,
    path: event.path ?? null,
    page_title: event.title ?? null,
    referrer: event.referrer ?? null,
    source: event.source ?? null,
    medium: event.medium ?? null,
    campaign: event.campaign ?? null,
    properties: event.properties,
  }));
  const insert = unnestRows(EVENT_COLUMNS, rows);
  const inserted = await db.query<{ id: string }>(
    `insert into events (${insert.columns}) ${insert.select}
     on conflict (workspace_id, dedupe_key) where dedupe_key is not null do nothing returning id`,
    insert.params,
  );
  await updateVisitors(db, known);
  const kept = new Set(inserted.map((row) => row.id));
  return { ids: rows.map((row) => (kept.has(row.id) ? row.id : null)) };
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
function visitorRows(workspaceId: string, events: readonly Attributed[], contacts: Map<string, string>): VisitorRow[] {
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
        first_seen_at: seen[0]!.occurredAt.toISOString(),
        last_seen_at: seen.at(-1)!.occurredAt.toISOString(),
        referrer: first('referrer'),
        landing_page: first('path'),
        utm_source: first('source'),
        utm_medium: first('medium'),
        utm_campaign: first('campaign'),
        utm_term: first('term'),
        utm_content: first('content'),
        click_ids: Object.assign({}, ...seen.map((event) => event.clickIds).reverse()),
        contact_id: identified ? (contacts.get(identified.userId!.toLowerCase()) ?? null) : null,
        identified_at: identified?.occurredAt.toISOString() ?? null,
        person_name: typeof traits?.name === 'string' ? traits.name : null,
        person_email: typeof traits?.email === 'string' ? traits.email : null,
      };
    });
}

/**
 * Inserts the visitors that are new (without waiting on or locking the known ones) and returns every visitor's id by
 * key, with the rows of the visitors that were known already, to be brought up to date by `updateVisitors`.
 */
async function createVisitors(
  db: Queryable,
  workspaceId: string,
  rows: readonly VisitorRow[],
): Promise<{ ids: Map<string, string>; known: VisitorRow[] }> {
  const insert = unnestRows(VISITOR_COLUMNS, rows);
  const created = await db.query<{ id: string; anonymous_id: string }>(
    `insert into visitors (${insert.columns}) ${insert.select}
     on conflict (workspace_id, anonymous_id) do nothing returning id, anonymous_id`,
    insert.params,
  );
  const ids = new Map(created.map((row) => [row.anonymous_id, row.id]));
  const known = rows.filter((row) => !ids.has(row.anonymous_id));
  if (known.length > 0) {
    // A statement of its own: it sees a visitor another batch created and committed while this one's insert ran.
    const found = await db.query<{ id: string; anonymous_id: string }>(
      'select id, anonymous_id from visitors where workspace_id = $1 and anonymous_id = any($2)',
      [workspaceId, known.map((row) => row.anonymous_id)],
    );
    for (const row of found) ids.set(row.anonymous_id, row.id);
  }
  return { ids, known };
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
