import type { Queryable } from '../../db/database.ts';
import { bestMatchExcerpt, Conditions, headline, selectPage } from '../../db/sql.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import type { Ticket, TicketEvent, TicketMessage, TicketSummary } from './schema.ts';

/** What is due next: the first response until there is one, then the resolution; nothing once closed. */
const DUE_AT = `case when t.status = 'closed' then null when t.first_responded_at is null then t.first_response_due_at else t.resolution_due_at end`;
/** The summary written for it, else the start of the customer's first message, else the subject. */
const SUMMARY = `coalesce(t.summary, (select left(m.body, 140) from ticket_messages m where m.ticket_id = t.id and m.author_role = 'customer'
  order by m.created_at, m.id limit 1), t.subject)`;
const SUMMARY_COLUMNS = `t.id, t.workspace_id, t.subject, ${SUMMARY} as summary, t.status, t.priority, t.assignee, t.tags, t.contact_id,
  ct.name as customer_name, coalesce(co.name, ct.company_name) as company_name,
  case when t.status = 'closed' then null when t.first_responded_at is null then 'first_response' else 'resolution' end as due,
  ${DUE_AT} as due_at, coalesce(${DUE_AT} < now(), false) as breached, t.last_activity_at, t.created_at,
  (select count(*) from ticket_messages m where m.ticket_id = t.id) as message_count`;
const FROM = 'tickets t left join contacts ct on ct.id = t.contact_id left join companies co on co.id = t.company_id';

/**
 * Urgency, as Parley computes it: priority (urgent first), then what is due soonest (a breached due time is in the
 * past, so it comes first), then the longest untouched.
 */
export const URGENCY_ORDER = `case t.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end, ${DUE_AT} nulls last,
  t.last_activity_at, t.id`;
const RECENCY_ORDER = 't.last_activity_at desc, t.id desc';

export interface TicketFilter {
  statuses?: readonly string[] | undefined;
  priority?: string | undefined;
  assignee?: string | undefined;
  tag?: string | undefined;
  contactId?: string | undefined;
  touchedSince?: Date | undefined;
  touchedBefore?: Date | undefined;
  /** Full text over subjects, summaries and messages. */
  query?: string | undefined;
}

function ticketConditions(tenant: Tenant, filter: TicketFilter): { where: Conditions; query?: string } {
  const where = new Conditions();
  where.add(`t.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  if (filter.statuses && filter.statuses.length > 0) where.add(`t.status = any(${where.param(filter.statuses)})`);
  where.addIf(filter.priority, (p) => `t.priority = ${p}`);
  where.addIf(filter.assignee, (p) => `t.assignee = ${p}`);
  where.addIf(filter.tag, (p) => `${p} = any(t.tags)`);
  where.addIf(filter.contactId, (p) => `t.contact_id = ${p}`);
  where.addIf(filter.touchedSince, (p) => `t.last_activity_at >= ${p}`);
  where.addIf(filter.touchedBefore, (p) => `t.last_activity_at < ${p}`);
  if (!filter.query) return { where };
  const query = where.param(filter.query);
  where.add(`(t.search @@ websearch_to_tsquery('english', ${query})
    or exists (select 1 from ticket_messages m where m.ticket_id = t.id and m.search @@ websearch_to_tsquery('english', ${query})))`);
  return { where, query };
}

export async function listTickets(
  db: Queryable,
  tenant: Tenant,
  filter: TicketFilter,
  sort: 'urgency' | 'recent',
  page: { limit: number; offset: number },
) {
  const { where } = ticketConditions(tenant, filter);
  return selectPage<TicketSummary>(
    db,
    { columns: SUMMARY_COLUMNS, from: FROM, where, orderBy: sort === 'urgency' ? URGENCY_ORDER : RECENCY_ORDER },
    page,
  );
}

/** Tickets matching full text, most recently touched first, each with its best matching excerpt (hits **marked**). */
export async function searchTickets(
  db: Queryable,
  tenant: Tenant,
  filter: TicketFilter & { query: string },
  page: { limit: number; offset: number },
) {
  const { where, query } = ticketConditions(tenant, filter);
  const q = `websearch_to_tsquery('english', ${query})`;
  return selectPage<TicketSummary & { snippet: string | null }>(
    db,
    {
      columns: SUMMARY_COLUMNS,
      from: FROM,
      where,
      orderBy: RECENCY_ORDER,
      around: (pageQuery) => `with p as (${pageQuery}) select p.*, coalesce(
          ${bestMatchExcerpt('ticket_messages', 'ticket_id', q)},
          ${headline(`p.subject || '. ' || coalesce(p.summary, '')`, q)}) as snippet
        from p order by p.last_activity_at desc, p.id desc`,
    },
    page,
  );
}

export async function getTicket(db: Queryable, tenant: Tenant, id: string): Promise<Owned<Ticket> | undefined> {
  const [row] = await db.query<Ticket>(
    `select ${SUMMARY_COLUMNS}, t.company_id, t.conversation_id, t.first_response_due_at, t.first_responded_at, t.resolution_due_at, t.closed_at
     from ${FROM} where t.id = $1 and t.workspace_id = any($2)`,
    [id, tenant.workspaceIds],
  );
  return owned(row);
}

/** A page of a ticket's thread, oldest first (or newest first), bodies cut at `maxBodyLength`. */
export async function ticketMessages(
  db: Queryable,
  ticket: Ticket,
  options: { newestFirst?: boolean; visibility?: string | undefined; maxBodyLength: number },
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`m.ticket_id = ${where.param(ticket.id)}`);
  where.addIf(options.visibility, (p) => `m.visibility = ${p}`);
  const direction = options.newestFirst ? 'desc' : 'asc';
  const { total, items } = await selectPage<TicketMessageRow>(
    db,
    {
      columns: messageColumns(options.maxBodyLength),
      from: MESSAGE_FROM,
      where,
      orderBy: `m.created_at ${direction}, m.id ${direction}`,
    },
    page,
  );
  return { total, messages: items.map((row) => asTicketMessage(row, options.maxBodyLength)) };
}

/** One message of a ticket's thread, whole. */
export async function ticketMessage(db: Queryable, id: string): Promise<TicketMessage | undefined> {
  const [row] = await db.query<TicketMessageRow>(`select ${messageColumns(MESSAGE_MAX)} from ${MESSAGE_FROM} where m.id = $1`, [id]);
  return row && asTicketMessage(row, MESSAGE_MAX);
}

type TicketMessageRow = Omit<TicketMessage, 'status' | 'body_truncated'> & { status: TicketMessage['status'] | null; full_length: number };
/** Longer than any message Parley accepts. */
const MESSAGE_MAX = 100_000;
// A reply sent from Parley is delivered as a conversation message: its status is that message's.
const MESSAGE_FROM = 'ticket_messages m left join messages sent on sent.id = m.message_id';

function messageColumns(maxBodyLength: number): string {
  return `m.id, m.author_role as role, m.author_name, m.visibility, left(m.body, ${Math.trunc(maxBodyLength)}) as body,
    length(m.body) as full_length, m.created_at, coalesce(sent.status, m.status) as status`;
}

function asTicketMessage({ full_length, status, ...message }: TicketMessageRow, maxBodyLength: number): TicketMessage {
  return { ...message, ...(full_length > maxBodyLength ? { body_truncated: true } : {}), ...(status ? { status } : {}) };
}

/** The AI agent handling the ticket's customer: its conversation's, else the contact's. */
export async function handlingAgent(db: Queryable, ticket: Ticket): Promise<string | null> {
  const [row] = await db.query<{ agent_id: string | null }>(
    `select coalesce((select agent_id from conversations where id = $1), (select agent_id from contacts where id = $2)) as agent_id`,
    [ticket.conversation_id, ticket.contact_id],
  );
  return row?.agent_id ?? null;
}

/** A page of a ticket's timeline, newest first. */
export async function ticketEvents(db: Queryable, ticket: Ticket, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`e.ticket_id = ${where.param(ticket.id)}`);
  return selectPage<TicketEvent>(
    db,
    {
      columns: `e.field, e.old_value as "from", e.new_value as "to", e.actor_id, e.via, e.created_at as at`,
      from: 'ticket_events e',
      where,
      orderBy: 'e.created_at desc, e.id desc',
    },
    page,
  );
}

/** The latest message with this text in a ticket's thread within the last `seconds`, to refuse a retried write. */
export async function recentTicketMessage(db: Queryable, ticketId: string, body: string, seconds: number) {
  const [row] = await db.query<{ id: string; created_at: string }>(
    `select id, created_at from ticket_messages where ticket_id = $1 and body = $2 and created_at > now() - make_interval(secs => $3)
     order by created_at desc limit 1`,
    [ticketId, body, seconds],
  );
  return row;
}

/**
 * A ticket that makes a new one look like a repeat: one still not closed for the same conversation, or one opened
 * within `seconds` with the same subject for the same contact.
 */
export async function likelyDuplicateTicket(
  db: Queryable,
  workspaceId: string,
  candidate: { conversationId: string | null; contactId: string | null; subject: string },
  seconds: number,
) {
  const [row] = await db.query<{ id: string; status: string; created_at: string; same_conversation: boolean }>(
    `select id, status, created_at, conversation_id is not distinct from $2 and $2 is not null as same_conversation from tickets
     where workspace_id = $1 and (
       ($2::text is not null and conversation_id = $2 and status <> 'closed')
       or (contact_id is not distinct from $3 and lower(subject) = lower($4) and created_at > now() - make_interval(secs => $5)))
     order by created_at desc limit 1`,
    [workspaceId, candidate.conversationId, candidate.contactId, candidate.subject, seconds],
  );
  return row;
}

/** The summary written for a ticket, if any (get_ticket shows a fallback when none was). */
export async function writtenSummary(db: Queryable, ticketId: string): Promise<string | null> {
  const [row] = await db.query<{ summary: string | null }>('select summary from tickets where id = $1', [ticketId]);
  return row?.summary ?? null;
}
