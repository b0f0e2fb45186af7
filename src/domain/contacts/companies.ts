import type { Queryable } from '../../db/database.ts';
import { Conditions, countRows, likeEscape } from '../../db/sql.ts';
import type { Company } from './schema.ts';

const COLUMNS = `co.id, co.workspace_id, co.name, co.domain, co.industry, co.employee_count, co.country, co.attributes, co.created_at, co.updated_at`;

export interface CompanyFilter {
  workspaceIds: string[];
  search?: string | undefined;
  industry?: string | undefined;
}

export type CompanyWithCounts = Company & { contact_count: number; visitor_count: number };

/** Contact and enriched-visitor counts for the company rows aliased `alias`. */
const counts = (alias: string) => `(select count(*) from contacts ct where ct.company_id = ${alias}.id) as contact_count,
  (select count(*) from visitors v where v.workspace_id = ${alias}.workspace_id and lower(v.company_domain) = lower(${alias}.domain)) as visitor_count`;

export async function listCompanies(db: Queryable, filter: CompanyFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`co.workspace_id = any(${where.param(filter.workspaceIds)})`);
  where.addIf(filter.search && `%${likeEscape(filter.search)}%`, (p) => `(co.name ilike ${p} or co.domain ilike ${p})`);
  where.addIf(filter.industry, (p) => `lower(co.industry) = lower(${p})`);
  const paged = where.paged(page);
  const rows = await db.query<CompanyWithCounts & { total: number }>(
    `with p as (select ${COLUMNS}, count(*) over () as total from companies co ${where} order by co.name, co.id ${paged.clause})
     select p.*, ${counts('p')} from p order by p.name, p.id`,
    paged.params,
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countRows(db, 'companies co', where) : 0);
  return { total, items: rows.map(({ total: _total, ...row }) => row) };
}

export async function getCompany(db: Queryable, workspaceIds: string[], id: string): Promise<CompanyWithCounts | undefined> {
  const [row] = await db.query<CompanyWithCounts>(`select ${COLUMNS}, ${counts('co')} from companies co where co.id = $1 and co.workspace_id = any($2)`, [id, workspaceIds]);
  return row;
}
