import type { Queryable } from '../../db/database.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import { Conditions, likeEscape, selectPage } from '../../db/sql.ts';
import type { VisitorProfile } from './schema.ts';

/** Flat visitor rows, shaped into nested profiles by `toProfile`. */
const COLUMNS = `v.id, v.workspace_id, v.anonymous_id, v.contact_id, v.first_seen_at, v.last_seen_at, v.identified_at,
  v.person_name, v.person_email, v.person_title, v.company_name, v.company_domain, v.company_industry,
  v.company_employee_count, v.company_country, v.city, v.country, v.device, v.browser, v.referrer, v.landing_page,
  v.utm_source, v.utm_medium, v.utm_campaign, v.utm_term, v.utm_content`;
const FROM = 'visitors v left join contacts ct on ct.id = v.contact_id';

type VisitorRow = Record<string, string | number | null> & {
  id: string;
  workspace_id: string;
  anonymous_id: string;
  first_seen_at: string;
  last_seen_at: string;
};

/** Filters within the tenant's workspaces (the tenant bounds every query; ids here only narrow it). */
export interface VisitorFilter {
  /** Matches person, company or contact fields. */
  search?: string | undefined;
  contactId?: string | undefined;
  firstSeenAfter?: Date | undefined;
  firstSeenBefore?: Date | undefined;
  lastSeenAfter?: Date | undefined;
  lastSeenBefore?: Date | undefined;
  identifiedOnly?: boolean | undefined;
  /** Visitors with an event in this window, at this page path when given. */
  visited?: { path?: string | undefined; after?: Date | undefined; before?: Date | undefined } | undefined;
}

export async function listVisitors(db: Queryable, tenant: Tenant, filter: VisitorFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`v.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(filter.contactId, (p) => `v.contact_id = ${p}`);
  where.addIf(filter.firstSeenAfter, (p) => `v.first_seen_at >= ${p}`);
  where.addIf(filter.firstSeenBefore, (p) => `v.first_seen_at < ${p}`);
  where.addIf(filter.lastSeenAfter, (p) => `v.last_seen_at >= ${p}`);
  where.addIf(filter.lastSeenBefore, (p) => `v.last_seen_at < ${p}`);
  if (filter.identifiedOnly) where.add('(v.person_email is not null or v.contact_id is not null)');
  const visited = filter.visited;
  if (visited) {
    const event = [
      'e.visitor_id = v.id',
      ...(visited.path === undefined ? [] : [`e.path = ${where.param(visited.path)}`]),
      ...(visited.after === undefined ? [] : [`e.occurred_at >= ${where.param(visited.after)}`]),
      ...(visited.before === undefined ? [] : [`e.occurred_at < ${where.param(visited.before)}`]),
    ];
    where.add(`exists (select 1 from events e where ${event.join(' and ')})`);
  }
  where.addIf(
    filter.search && `%${likeEscape(filter.search)}%`,
    (p) =>
      `(v.person_name ilike ${p} or v.person_email ilike ${p} or v.company_name ilike ${p} or v.company_domain ilike ${p}
      or ct.name ilike ${p} or ct.email ilike ${p} or ct.company_name ilike ${p})`,
  );
  const { total, items } = await selectPage<VisitorRow>(
    db,
    { columns: COLUMNS, from: FROM, where, orderBy: 'v.last_seen_at desc, v.id desc' },
    page,
  );
  return { total, items: items.map(toProfile) };
}

export async function getVisitor(db: Queryable, tenant: Tenant, id: string): Promise<Owned<VisitorProfile> | undefined> {
  const [visitor] = await getVisitors(db, tenant, [id]);
  return visitor;
}

/** The tenant's visitors among these ids. */
export async function getVisitors(db: Queryable, tenant: Tenant, ids: readonly string[]): Promise<Owned<VisitorProfile>[]> {
  const rows = await db.query<VisitorRow>(`select ${COLUMNS} from visitors v where v.id = any($1) and v.workspace_id = any($2)`, [
    ids,
    tenant.workspaceIds,
  ]);
  return rows.map((row) => owned(toProfile(row)));
}

function toProfile(r: VisitorRow): VisitorProfile {
  const s = (key: string) => (r[key] ?? null) as string | null;
  return {
    id: r.id,
    workspace_id: r.workspace_id,
    anonymous_id: r.anonymous_id,
    contact_id: s('contact_id'),
    first_seen_at: r.first_seen_at,
    last_seen_at: r.last_seen_at,
    identified_at: s('identified_at'),
    person: { name: s('person_name'), email: s('person_email'), title: s('person_title') },
    company: {
      name: s('company_name'),
      domain: s('company_domain'),
      industry: s('company_industry'),
      employee_count: (r.company_employee_count ?? null) as number | null,
      country: s('company_country'),
    },
    location: { city: s('city'), country: s('country') },
    device: { type: s('device'), browser: s('browser') },
    acquisition: {
      referrer: s('referrer'),
      landing_page: s('landing_page'),
      utm_source: s('utm_source'),
      utm_medium: s('utm_medium'),
      utm_campaign: s('utm_campaign'),
      utm_term: s('utm_term'),
      utm_content: s('utm_content'),
    },
  };
}
