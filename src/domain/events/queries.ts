import type { Queryable } from '../../db/database.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import { Conditions } from '../../db/sql.ts';
import type { Event } from './schema.ts';

const COLUMNS = `e.id, e.workspace_id, e.kind, e.name, e.visitor_id, e.contact_id, e.conversation_id, e.occurred_at, e.url, e.path,
  e.page_title, e.referrer, e.source, e.medium, e.campaign, e.properties`;

/** Filters within the tenant's workspaces (the tenant bounds every query; ids here only narrow it). */
export interface EventFilter {
  start?: Date | undefined;
  end?: Date | undefined;
  names?: string[] | undefined;
  kinds?: string[] | undefined;
  visitorId?: string | undefined;
  contactId?: string | undefined;
  conversationId?: string | undefined;
  path?: string | undefined;
  source?: string | undefined;
  medium?: string | undefined;
  campaign?: string | undefined;
  /** Properties the event has with exactly these values. */
  properties?: Record<string, unknown> | undefined;
}

/** The filter's conditions after `workspace`, the tenant's bound, which the caller writes with the Conditions given. */
function conditions(filter: EventFilter, workspace: (where: Conditions) => string): Conditions {
  const where = new Conditions();
  where.add(workspace(where));
  where.addIf(filter.start, (p) => `e.occurred_at >= ${p}`);
  where.addIf(filter.end, (p) => `e.occurred_at < ${p}`);
  where.addIf(filter.names?.length ? filter.names : undefined, (p) => `e.name = any(${p})`);
  where.addIf(filter.kinds?.length ? filter.kinds : undefined, (p) => `e.kind = any(${p})`);
  where.addIf(filter.visitorId, (p) => `e.visitor_id = ${p}`);
  where.addIf(filter.contactId, (p) => `e.contact_id = ${p}`);
  where.addIf(filter.conversationId, (p) => `e.conversation_id = ${p}`);
  where.addIf(filter.path, (p) => `e.path = ${p}`);
  // Sources, mediums and campaigns are stored as tracked; a filter matches them whatever their case.
  where.addIf(filter.source?.toLowerCase(), (p) => `lower(e.source) = ${p}`);
  where.addIf(filter.medium?.toLowerCase(), (p) => `lower(e.medium) = ${p}`);
  where.addIf(filter.campaign?.toLowerCase(), (p) => `lower(e.campaign) = ${p}`);
  where.addIf(filter.properties && JSON.stringify(filter.properties), (p) => `e.properties @> ${p}::jsonb`);
  return where;
}

/** Past this many matches a total is a lower bound: counting every event of a busy month costs more than the page. */
export const EVENT_COUNT_CAP = 10_000;

const inWorkspaces = (ids: readonly string[]) => (where: Conditions) => `e.workspace_id = any(${where.param(ids)})`;

/**
 * Events newest first, with how many matched up to EVENT_COUNT_CAP (`exact` false beyond it). Each workspace's newest
 * are read from its own index range and merged, so the first page of millions of events reads a page per workspace.
 */
export async function queryEvents(db: Queryable, tenant: Tenant, filter: EventFilter, page: { limit: number; offset: number }) {
  let ids = '';
  const where = conditions(filter, (w) => {
    ids = w.param(tenant.workspaceIds);
    return 'e.workspace_id = w.id';
  });
  const reach = where.param(page.offset + page.limit);
  const paged = where.paged(page);
  const items = await db.query<Event>(
    `select ${COLUMNS} from unnest(${ids}::text[]) w(id)
     cross join lateral (select ${COLUMNS} from events e ${where} order by e.occurred_at desc, e.id desc limit ${reach}) e
     order by e.occurred_at desc, e.id desc ${paged.clause}`,
    paged.params,
  );
  const counted = conditions(filter, inWorkspaces(tenant.workspaceIds));
  const [row] = await db.query<{ n: number }>(
    `select count(*) as n from (select 1 from events e ${counted} limit ${counted.param(EVENT_COUNT_CAP + 1)}) matched`,
    counted.params,
  );
  const total = Number(row?.n ?? 0);
  return { items, total: Math.min(total, EVENT_COUNT_CAP), exact: total <= EVENT_COUNT_CAP };
}

export async function getEvent(db: Queryable, tenant: Tenant, id: string): Promise<Event | undefined> {
  const [row] = await db.query<Event>(`select ${COLUMNS} from events e where e.id = $1 and e.workspace_id = any($2)`, [
    id,
    tenant.workspaceIds,
  ]);
  return row;
}

/** Distinct event names with how often and when they last occurred. */
export async function eventTypes(db: Queryable, tenant: Tenant, filter: EventFilter) {
  const where = conditions(filter, inWorkspaces(tenant.workspaceIds));
  return db.query<{ name: string; kind: string; count: number; last_seen_at: string }>(
    `select e.name, e.kind, count(*) as count, max(e.occurred_at) as last_seen_at from events e ${where}
     group by e.name, e.kind order by count(*) desc, e.name`,
    where.params,
  );
}
