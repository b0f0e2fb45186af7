import type { Queryable } from '../../db/database.ts';
import { bestMatchExcerpt, Conditions, headline, selectPage } from '../../db/sql.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { Ticket, TicketMessage, TicketSummary } from './schema.ts';

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

export async function getTicket(db: Queryable, tenant: Tenant, id: string): Promise<Ticket | undefined> {
  const [row] = await db.query<Ticket>(
    `select ${SUMMARY_COLUMNS}, t.company_id, t.conversation_id, t.first_response_due_at, t.first_responded_at, t.resolution_due_at, t.closed_at
     from ${FROM} where t.id = $1 and t.workspace_id = any($2)`,
    [id, tenant.workspaceIds],
  );
  return row;
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
  const { total, items } = await selectPage<
    Omit<TicketMessage, 'status' | 'body_truncated'> & { status: TicketMessage['status'] | null; full_length: number }
  >(
    db,
    {
      columns: `m.id, m.author_role as role, m.author_name, m.visibility, left(m.body, ${Math.trunc(options.maxBodyLength)}) as body,
        length(m.body) as full_length, m.created_at, m.status`,
      from: 'ticket_messages m',
      where,
      orderBy: `m.created_at ${direction}, m.id ${direction}`,
    },
    page,
  );
  const messages: TicketMessage[] = items.map(({ full_length, status, ...message }) => ({
    ...message,
    ...(full_length > options.maxBodyLength ? { body_truncated: true } : {}),
    ...(status ? { status } : {}),
  }));
  return { total, messages };
}
