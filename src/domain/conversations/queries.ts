import type { Queryable } from '../../db/database.ts';
import { bestMatchExcerpt, Conditions, selectPage } from '../../db/sql.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import type { Contact } from '../contacts/schema.ts';
import type { VisitorProfile } from '../visitors/schema.ts';
import type { ConversationSummary, EmailThread } from './schema.ts';

const SUMMARY_COLUMNS = `c.id, c.workspace_id, c.agent_id, c.visitor_id, c.contact_id, c.channel, c.status, c.subject, c.summary,
  c.message_count, c.visitor_message_count, c.started_at, c.last_message_at`;

/** Filters within the tenant's workspaces (the tenant bounds every query; ids here only narrow it). */
export interface ConversationFilter {
  start: Date;
  end: Date;
  agentId?: string | undefined;
  contactId?: string | undefined;
  visitorId?: string | undefined;
  status?: string | undefined;
  channel?: string | undefined;
  /** Full-text query over message bodies (web-search syntax: words, "phrases", -exclusions, or). */
  query?: string | undefined;
}

export interface ConversationMatch extends ConversationSummary {
  snippet: string | null;
}

/** Conversations started in the window, newest first; with a query, only those whose messages match it. */
export async function searchConversations(
  db: Queryable,
  tenant: Tenant,
  filter: ConversationFilter,
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`c.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(`c.started_at >= ${where.param(filter.start)} and c.started_at < ${where.param(filter.end)}`);
  where.addIf(filter.agentId, (p) => `c.agent_id = ${p}`);
  where.addIf(filter.contactId, (p) => `c.contact_id = ${p}`);
  where.addIf(filter.visitorId, (p) => `c.visitor_id = ${p}`);
  where.addIf(filter.status, (p) => `c.status = ${p}`);
  where.addIf(filter.channel, (p) => `c.channel = ${p}`);
  const query = filter.query ? where.param(filter.query) : undefined;
  if (query) {
    // With current statistics the planner turns this into a hash semi-join at scale (see db/maintenance.ts).
    where.add(`exists (select 1 from messages m where m.conversation_id = c.id and m.search @@ websearch_to_tsquery('english', ${query}))`);
  }
  // Snippets are computed only for the page's rows, after the limit.
  const snippet = query ? bestMatchExcerpt('messages', 'conversation_id', `websearch_to_tsquery('english', ${query})`) : 'null';
  return selectPage<ConversationMatch>(
    db,
    {
      columns: SUMMARY_COLUMNS,
      from: 'conversations c',
      where,
      orderBy: 'c.started_at desc, c.id desc',
      around: (pageQuery) => `with p as (${pageQuery}) select p.*, ${snippet} as snippet from p order by p.started_at desc, p.id desc`,
    },
    page,
  );
}

export async function getConversation(db: Queryable, tenant: Tenant, id: string) {
  const [conversation] = await getConversations(db, tenant, [id]);
  return conversation;
}

/** The tenant's conversations among these ids, with their agent's name. */
export async function getConversations(db: Queryable, tenant: Tenant, ids: readonly string[]) {
  const rows = await db.query<ConversationSummary & { agent_name: string | null }>(
    `select ${SUMMARY_COLUMNS}, a.name as agent_name from conversations c left join agents a on a.id = c.agent_id
     where c.id = any($1) and c.workspace_id = any($2)`,
    [ids, tenant.workspaceIds],
  );
  return rows.map((row) => owned(row));
}

/** The most recent conversations of a contact or visitor, for profile bundles. */
export async function recentConversations(
  db: Queryable,
  of: { contact: Owned<Contact> } | { visitor: Owned<VisitorProfile> },
  limit: number,
) {
  const where = new Conditions();
  const [column, parent] = 'contact' in of ? ['contact_id', of.contact] : ['visitor_id', of.visitor];
  where.add(`c.workspace_id = ${where.param(parent.workspace_id)} and c.${column} = ${where.param(parent.id)}`);
  return db.query<ConversationSummary>(
    `select ${SUMMARY_COLUMNS} from conversations c ${where} order by c.started_at desc, c.id desc limit ${where.param(limit)}`,
    where.params,
  );
}

/** A contact's conversations on every channel (or one), newest activity first. */
export async function contactConversations(
  db: Queryable,
  contact: Owned<Contact>,
  filter: { channel?: string | undefined; status?: string | undefined },
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`c.workspace_id = ${where.param(contact.workspace_id)} and c.contact_id = ${where.param(contact.id)}`);
  where.addIf(filter.channel, (p) => `c.channel = ${p}`);
  where.addIf(filter.status, (p) => `c.status = ${p}`);
  return selectPage<ConversationSummary>(
    db,
    { columns: SUMMARY_COLUMNS, from: 'conversations c', where, orderBy: 'c.last_message_at desc, c.id desc' },
    page,
  );
}

/** A contact's e-mail conversations as threads, latest first, each with an excerpt of its latest message. */
export async function contactEmailThreads(
  db: Queryable,
  contact: Owned<Contact>,
  excerptLength: number,
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`c.workspace_id = ${where.param(contact.workspace_id)} and c.contact_id = ${where.param(contact.id)} and c.channel = 'email'`);
  // The latest message is read only for the page's threads.
  const { total, items } = await selectPage<Omit<EmailThread, 'last_message'> & LatestMessage>(
    db,
    {
      columns: 'c.id, c.workspace_id, c.subject, c.status, c.message_count, c.started_at, c.last_message_at',
      from: 'conversations c',
      where,
      orderBy: 'c.last_message_at desc, c.id desc',
      around: (pageQuery) => `with p as (${pageQuery})
        select p.*, m.role as latest_role, m.author_name as latest_author_name, left(m.body, ${Math.trunc(excerptLength)}) as latest_excerpt,
          m.status as latest_status, m.created_at as latest_created_at
        from p left join lateral (select * from messages m where m.conversation_id = p.id order by m.created_at desc, m.id desc limit 1) m on true
        order by p.last_message_at desc, p.id desc`,
    },
    page,
  );
  const threads: EmailThread[] = items.map(
    ({ latest_role, latest_author_name, latest_excerpt, latest_status, latest_created_at, ...thread }) => ({
      ...thread,
      last_message:
        latest_role === null
          ? null
          : {
              role: latest_role,
              author_name: latest_author_name,
              excerpt: latest_excerpt!,
              status: latest_status,
              created_at: latest_created_at!,
            },
    }),
  );
  return { total, threads };
}

type Latest = NonNullable<EmailThread['last_message']>;

/** A thread's latest message as columns of its row (null when it has none). */
interface LatestMessage {
  latest_role: Latest['role'] | null;
  latest_author_name: string | null;
  latest_excerpt: string | null;
  latest_status: Latest['status'];
  latest_created_at: string | null;
}

/** The start of the customer's first message in a conversation: a one-line summary of what they came for. */
export async function firstCustomerLine(db: Queryable, conversationId: string): Promise<string | null> {
  const [row] = await db.query<{ line: string }>(
    `select left(regexp_replace(body, '\\s+', ' ', 'g'), 140) as line from messages
     where conversation_id = $1 and role = 'visitor' order by created_at, id limit 1`,
    [conversationId],
  );
  return row?.line ?? null;
}
