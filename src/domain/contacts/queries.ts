import type { Queryable } from '../../db/database.ts';
import { Conditions, likeEscape, selectPage } from '../../db/sql.ts';
import { owned, type Owned, type Tenant } from '../tenancy/tenant.ts';
import type { Company, Contact, Note, NoteRecord } from './schema.ts';

const CONTACT_COLUMNS = `ct.id, ct.workspace_id, ct.name, ct.email, ct.phone, ct.title, ct.company_id, coalesce(co.name, ct.company_name) as company_name,
  ct.agent_id, ct.attributes, ct.created_at, ct.updated_at`;
const CONTACTS = 'contacts ct left join companies co on co.id = ct.company_id';
const COMPANY_COLUMNS = `co.id, co.workspace_id, co.name, co.domain, co.industry, co.employee_count, co.country, co.attributes, co.created_at, co.updated_at`;

type Page = { limit: number; offset: number };

/** Filters within the tenant's workspaces (the tenant bounds every query; ids here only narrow it). */
export interface ContactFilter {
  /** Matches name, email, phone or company name, case-insensitively. */
  search?: string | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  agentId?: string | undefined;
  companyId?: string | undefined;
}

export async function searchContacts(db: Queryable, tenant: Tenant, filter: ContactFilter, page: Page) {
  const where = new Conditions();
  where.add(`ct.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(filter.start, (p) => `ct.created_at >= ${p}`);
  where.addIf(filter.end, (p) => `ct.created_at < ${p}`);
  where.addIf(filter.agentId, (p) => `ct.agent_id = ${p}`);
  where.addIf(filter.companyId, (p) => `ct.company_id = ${p}`);
  where.addIf(
    filter.search && `%${likeEscape(filter.search)}%`,
    (p) =>
      `(ct.name ilike ${p} or ct.email ilike ${p} or ct.phone ilike ${p} or ct.company_name ilike ${p} or co.name ilike ${p} or co.domain ilike ${p})`,
  );
  const { total, items } = await selectPage<Contact>(
    db,
    { columns: CONTACT_COLUMNS, from: CONTACTS, where, orderBy: 'ct.created_at desc, ct.id desc' },
    page,
  );
  return { total, items: items.map((row) => owned(row)) };
}

export async function getContact(db: Queryable, tenant: Tenant, id: string): Promise<Owned<Contact> | undefined> {
  const [row] = await getContacts(db, tenant, [id]);
  return row;
}

/** The tenant's contacts among these ids (in no particular order; ids it cannot see are simply absent). */
export async function getContacts(db: Queryable, tenant: Tenant, ids: readonly string[]): Promise<Owned<Contact>[]> {
  const rows = await db.query<Contact>(`select ${CONTACT_COLUMNS} from ${CONTACTS} where ct.id = any($1) and ct.workspace_id = any($2)`, [
    ids,
    tenant.workspaceIds,
  ]);
  return rows.map((row) => owned(row));
}

/** A contact in the tenant's workspaces with this email (stored lower-cased), if any. */
export async function findContactByEmail(db: Queryable, tenant: Tenant, email: string): Promise<{ id: string } | undefined> {
  const [row] = await db.query<{ id: string }>(
    'select id from contacts where workspace_id = any($1) and lower(email) = lower($2) order by created_at, id limit 1',
    [tenant.workspaceIds, email],
  );
  return row;
}

export interface CompanyFilter {
  search?: string | undefined;
  industry?: string | undefined;
}

export type CompanyWithCounts = Company & { contact_count: number; visitor_count: number };

/** Contact and enriched-visitor counts for the company rows aliased `alias`. */
const counts = (alias: string) => `(select count(*) from contacts ct where ct.company_id = ${alias}.id) as contact_count,
  (select count(*) from visitors v where v.workspace_id = ${alias}.workspace_id and lower(v.company_domain) = lower(${alias}.domain)) as visitor_count`;

export async function listCompanies(db: Queryable, tenant: Tenant, filter: CompanyFilter, page: Page) {
  const where = new Conditions();
  where.add(`co.workspace_id = any(${where.param(tenant.workspaceIds)})`);
  where.addIf(filter.search && `%${likeEscape(filter.search)}%`, (p) => `(co.name ilike ${p} or co.domain ilike ${p})`);
  where.addIf(filter.industry, (p) => `lower(co.industry) = lower(${p})`);
  // Counts are computed only for the page's rows, after the limit.
  return selectPage<CompanyWithCounts>(
    db,
    {
      columns: COMPANY_COLUMNS,
      from: 'companies co',
      where,
      orderBy: 'co.name, co.id',
      around: (pageQuery) => `with p as (${pageQuery}) select p.*, ${counts('p')} from p order by p.name, p.id`,
    },
    page,
  );
}

export async function getCompany(db: Queryable, tenant: Tenant, id: string): Promise<Owned<CompanyWithCounts> | undefined> {
  const [row] = await getCompanies(db, tenant, [id]);
  return row;
}

/** The tenant's companies among these ids, with their counts. */
export async function getCompanies(db: Queryable, tenant: Tenant, ids: readonly string[]): Promise<Owned<CompanyWithCounts>[]> {
  const rows = await db.query<CompanyWithCounts>(
    `select ${COMPANY_COLUMNS}, ${counts('co')} from companies co where co.id = any($1) and co.workspace_id = any($2)`,
    [ids, tenant.workspaceIds],
  );
  return rows.map((row) => owned(row));
}

/** What notes hang off: a contact or a company, already read through the tenant. */
export type NoteParent = { contact: Owned<Contact> } | { company: Owned<Company> };

function noteColumn(parent: NoteParent): [column: string, id: string] {
  return 'contact' in parent ? ['contact_id', parent.contact.id] : ['company_id', parent.company.id];
}

export async function notesOf(db: Queryable, parent: NoteParent, limit: number): Promise<Note[]> {
  const [column, id] = noteColumn(parent);
  return db.query<Note>(`select id, author, body, created_at from notes where ${column} = $1 order by created_at desc, id desc limit $2`, [
    id,
    limit,
  ]);
}

export async function countNotes(db: Queryable, parent: NoteParent): Promise<number> {
  const [column, id] = noteColumn(parent);
  const [row] = await db.query<{ n: number }>(`select count(*) as n from notes where ${column} = $1`, [id]);
  return row?.n ?? 0;
}

const NOTE_COLUMNS = 'n.id, n.workspace_id, n.contact_id, n.company_id, n.author, n.body, n.created_at, n.updated_at';

/** A parent's notes, newest first, with the total. */
export async function listNotes(db: Queryable, parent: NoteParent, page: Page) {
  const [column, id] = noteColumn(parent);
  const where = new Conditions();
  where.add(`n.${column} = ${where.param(id)}`);
  return selectPage<NoteRecord>(db, { columns: NOTE_COLUMNS, from: 'notes n', where, orderBy: 'n.created_at desc, n.id desc' }, page);
}

export async function getNote(db: Queryable, tenant: Tenant, id: string): Promise<Owned<NoteRecord> | undefined> {
  const [row] = await db.query<NoteRecord>(`select ${NOTE_COLUMNS} from notes n where n.id = $1 and n.workspace_id = any($2)`, [
    id,
    tenant.workspaceIds,
  ]);
  return owned(row);
}

/** A company in the tenant's workspaces with this domain (case-insensitive), if any. */
export async function findCompanyByDomain(db: Queryable, tenant: Tenant, domain: string): Promise<{ id: string } | undefined> {
  const [row] = await db.query<{ id: string }>(
    'select id from companies where workspace_id = any($1) and lower(domain) = lower($2) order by created_at, id limit 1',
    [tenant.workspaceIds, domain],
  );
  return row;
}
