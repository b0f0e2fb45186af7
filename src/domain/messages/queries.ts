import type { Queryable } from '../../db/database.ts';
import { Conditions, selectPage } from '../../db/sql.ts';
import type { Contact } from '../contacts/schema.ts';
import type { ConversationSummary, Message } from '../conversations/schema.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import type { Recipient } from './commands.ts';
import type { DeliveryStatus, OutgoingMessage, Sender, SendingChannel } from './schema.ts';
import { SENDABLE_CHANNELS } from './schema.ts';

type MessageRow = Omit<Message, 'status' | 'status_reason' | 'body_truncated'> & {
  full_length: number;
  status: DeliveryStatus | null;
  status_reason: string | null;
};

/**
 * One page of a conversation's transcript, oldest first (or newest first), each body cut at `maxBodyLength`; delivery
 * status only on outgoing messages, so a transcript of received messages stays as short as it was.
 */
export async function transcriptPage(
  db: Queryable,
  conversation: Owned<ConversationSummary>,
  options: { newestFirst?: boolean; maxBodyLength: number },
  page: { limit: number; offset: number },
) {
  const where = new Conditions();
  where.add(`m.conversation_id = ${where.param(conversation.id)}`);
  const direction = options.newestFirst ? 'desc' : 'asc';
  const { total, items } = await selectPage<MessageRow>(
    db,
    {
      columns: `m.id, m.role, m.author_name, left(m.body, ${Math.trunc(options.maxBodyLength)}) as body, length(m.body) as full_length,
        m.created_at, m.status, m.status_reason`,
      from: 'messages m',
      where,
      orderBy: `m.created_at ${direction}, m.id ${direction}`,
    },
    page,
  );
  return { total, messages: items.map((row) => asMessage(row, options.maxBodyLength)) };
}

function asMessage({ full_length, status, status_reason, ...message }: MessageRow, maxBodyLength: number): Message {
  return {
    ...message,
    ...(full_length > maxBodyLength ? { body_truncated: true } : {}),
    ...(status ? { status } : {}),
    ...(status_reason ? { status_reason } : {}),
  };
}

const OUTGOING_COLUMNS = `m.id, m.workspace_id, m.conversation_id, c.contact_id, c.channel, m.channel_id, m.recipient, c.subject, m.role,
  m.author_name, m.sender_id, m.body, m.status, m.status_reason, m.status_at, m.external_id, m.created_at`;
const OUTGOING_FROM = 'messages m join conversations c on c.id = m.conversation_id';

export async function getOutgoingMessage(db: Queryable, tenant: Tenant, id: string): Promise<Owned<OutgoingMessage> | undefined> {
  const [row] = await db.query<OutgoingMessage>(
    `select ${OUTGOING_COLUMNS} from ${OUTGOING_FROM} where m.id = $1 and m.workspace_id = any($2) and m.status is not null`,
    [id, tenant.workspaceIds],
  );
  return owned(row);
}

export interface OutgoingFilter {
  status?: DeliveryStatus | undefined;
  channel?: string | undefined;
  conversationId?: string | undefined;
}

/** Outgoing messages oldest first, the order a channel integration delivers them in. */
export async function listOutgoingMessages(db: Queryable, tenant: Tenant, filter: OutgoingFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`m.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.add(filter.status ? `m.status = ${where.param(filter.status)}` : 'm.status is not null');
  where.addIf(filter.channel, (p) => `c.channel = ${p}`);
  where.addIf(filter.conversationId, (p) => `m.conversation_id = ${p}`);
  return selectPage<OutgoingMessage>(db, { columns: OUTGOING_COLUMNS, from: OUTGOING_FROM, where, orderBy: 'm.created_at, m.id' }, page);
}

/**
 * The same text sent to the recipient within the last `seconds` and not failed, if there is one: to a contact, in any
 * of their conversations on the channel (a retried send may have opened a new thread); else in the conversation.
 */
export async function recentRepeat(
  db: Queryable,
  to: Recipient,
  body: string,
  seconds: number,
): Promise<{ id: string; created_at: string } | undefined> {
  const where = new Conditions();
  if ('contact' in to) where.add(`c.contact_id = ${where.param(to.contact.id)} and c.channel = ${where.param(to.channel)}`);
  else where.add(`c.id = ${where.param(to.conversation.id)}`);
  where.add(`m.body = ${where.param(body)} and m.status is not null and m.status <> 'failed'`);
  where.add(`m.created_at > now() - make_interval(secs => ${where.param(seconds)})`);
  const [row] = await db.query<{ id: string; created_at: string }>(
    `select m.id, m.created_at from messages m join conversations c on c.id = m.conversation_id ${where} order by m.created_at desc limit 1`,
    where.params,
  );
  return row;
}

/** The contact's latest conversation on a channel that is not closed: where a new message to them continues. */
export async function latestOpenConversation(
  db: Queryable,
  contact: Owned<Contact>,
  channel: string,
): Promise<Owned<ConversationSummary> | undefined> {
  const [row] = await db.query<ConversationSummary>(
    `select c.id, c.workspace_id, c.agent_id, c.visitor_id, c.contact_id, c.channel, c.status, c.subject, c.summary, c.message_count,
       c.visitor_message_count, c.started_at, c.last_message_at
     from conversations c where c.workspace_id = $1 and c.contact_id = $2 and c.channel = $3 and c.status <> 'closed'
     order by c.last_message_at desc, c.id desc limit 1`,
    [contact.workspace_id, contact.id, channel],
  );
  return owned(row);
}

/** The workspace's oldest active channel of a kind: the one that delivers messages sent on that kind. */
export async function activeChannel(db: Queryable, workspaceId: string, kind: string): Promise<{ id: string } | undefined> {
  const [row] = await db.query<{ id: string }>(
    `select id from channels where workspace_id = $1 and kind = $2 and status = 'active' order by created_at, id limit 1`,
    [workspaceId, kind],
  );
  return row;
}

/** The tenant's active AI agents and the account's people: whom a message can be sent as. */
export async function listSenders(db: Queryable, tenant: Tenant): Promise<Sender[]> {
  return db.query<Sender>(
    `select 'agent' as type, id, name, workspace_id from agents where workspace_id = any($1) and status = 'active'
     union all
     select 'user' as type, id, name, null as workspace_id from users where account_id = $2
     order by type, name, id`,
    [tenant.workspaceIds, tenant.accountId],
  );
}

/** One sender by id, if it may send in this workspace: an active agent of it, or a person of its account. */
export async function findSender(db: Queryable, tenant: Tenant, workspaceId: string, id: string): Promise<Sender | undefined> {
  const senders = await db.query<Sender>(
    `select 'agent' as type, id, name, workspace_id from agents where id = $1 and workspace_id = $2 and status = 'active'
     union all
     select 'user' as type, id, name, null as workspace_id from users where id = $1 and account_id = $3`,
    [id, workspaceId, tenant.accountId],
  );
  return senders[0];
}

/** The workspace's first active AI agent: whom an API key sends as when nothing else says. */
export async function firstActiveAgent(db: Queryable, workspaceId: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(
    `select id from agents where workspace_id = $1 and status = 'active' order by created_at, id limit 1`,
    [workspaceId],
  );
  return row?.id ?? null;
}

/** The tenant's channels by workspace, with whether send_contact_message can queue messages for each. */
export async function listChannels(db: Queryable, tenant: Tenant): Promise<Array<SendingChannel & { workspace_id: string }>> {
  const rows = await db.query<Omit<SendingChannel, 'can_send'> & { workspace_id: string }>(
    'select id, workspace_id, kind, name, status from channels where workspace_id = any($1) order by kind, created_at, id',
    [tenant.workspaceIds],
  );
  return rows.map((row) => ({ ...row, can_send: row.status === 'active' && Object.hasOwn(SENDABLE_CHANNELS, row.kind) }));
}
