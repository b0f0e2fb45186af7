import type { Queryable } from '../../db/database.ts';
import { Conditions, selectPage } from '../../db/sql.ts';
import type { Owned } from '../tenancy/tenant.ts';
import type { Contact } from './schema.ts';

export const TIMELINE_KINDS = ['conversation', 'event', 'note', 'ticket', 'call', 'appointment', 'form'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  at: string;
  title: string;
  detail: string | null;
}

/**
 * Everything that happened with a contact, newest first: each kind of activity as `{kind, id, at, title, detail}`, so one
 * paged list covers them all. Events include those of the visitors the contact was identified from.
 */
export async function contactTimeline(
  db: Queryable,
  contact: Owned<Contact>,
  filter: { kinds?: readonly TimelineKind[] | undefined; start?: Date | undefined; end?: Date | undefined },
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  const ws = where.param(contact.workspace_id);
  const id = where.param(contact.id);
  const of = (table: string) => `${table}.workspace_id = ${ws} and ${table}.contact_id = ${id}`;
  const sources: Record<TimelineKind, string> = {
    conversation: `select 'conversation', c.id, c.started_at, coalesce(c.subject, 'Conversation'),
      c.channel || ', ' || c.status || ', ' || c.message_count || ' messages' from conversations c where ${of('c')}`,
    event: `select 'event', e.id, e.occurred_at, e.name, coalesce(e.page_title, e.path, nullif(regexp_replace(e.properties::text, '[{}"]', '', 'g'), ''))
      from events e where e.workspace_id = ${ws}
      and (e.contact_id = ${id} or e.visitor_id in (select v.id from visitors v where v.workspace_id = ${ws} and v.contact_id = ${id}))`,
    note: `select 'note', n.id, n.created_at, 'Note by ' || n.author, left(n.body, 300) from notes n where ${of('n')}`,
    ticket: `select 'ticket', t.id, t.created_at, t.subject, t.status || ', ' || t.priority || ' priority' from tickets t where ${of('t')}`,
    call: `select 'call', k.id, k.started_at, k.direction || ' call, ' || k.status,
      k.duration_seconds || ' s' || coalesce(': ' || left(k.summary, 300), '') from calls k where ${of('k')}`,
    appointment: `select 'appointment', a.id, a.created_at, a.title, a.status || ', for ' || to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
      from appointments a where ${of('a')}`,
    form: `select 'form', f.id, f.created_at, f.form_name, left(f.fields::text, 300) from form_responses f where ${of('f')}`,
  };
  const kinds = filter.kinds && filter.kinds.length > 0 ? filter.kinds : TIMELINE_KINDS;
  // The column names come from the alias list, whichever kind comes first.
  const from = `(${kinds.map((kind) => sources[kind]).join('\n union all\n')}) t (kind, id, at, title, detail)`;
  where.addIf(filter.start, (p) => `t.at >= ${p}`);
  where.addIf(filter.end, (p) => `t.at < ${p}`);
  return selectPage<TimelineEntry>(
    db,
    { columns: 't.kind, t.id, t.at, t.title, t.detail', from, where, orderBy: 't.at desc, t.id desc' },
    page,
  );
}
