import type { Queryable } from '../../db/database.ts';
import { Conditions, countRows, likeEscape } from '../../db/sql.ts';
import type { Contact, Note } from './schema.ts';

const COLUMNS = `ct.id, ct.workspace_id, ct.name, ct.email, ct.phone, ct.title, ct.company_id, coalesce(co.name, ct.company_name) as company_name,
  ct.agent_id, ct.attributes, ct.created_at, ct.updated_at`;
const FROM = 'contacts ct left join companies co on co.id = ct.company_id';

export interface ContactFilter {
  workspaceIds: string[];
  /** Matches name, email, phone or company name, case-insensitively. */
  search?: string | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  agentId?: string | undefined;
  companyId?: string | undefined;
}

export async function searchContacts(db: Queryable, filter: ContactFilter, page: { limit: number; offset: number }) {
  const where = new Conditions();
  where.add(`ct.workspace_id = any(${where.param(filter.workspaceIds)})`);
  where.addIf(filter.start, (p) => `ct.created_at >= ${p}`);
  where.addIf(filter.end, (p) => `ct.created_at < ${p}`);
  where.addIf(filter.agentId, (p) => `ct.agent_id = ${p}`);
  where.addIf(filter.companyId, (p) => `ct.company_id = ${p}`);
  where.addIf(filter.search && `%${likeEscape(filter.search)}%`, (p) =>
    `(ct.name ilike ${p} or ct.email ilike ${p} or ct.phone ilike ${p} or ct.company_name ilike ${p} or co.name ilike ${p} or co.domain ilike ${p})`);
  const paged = where.paged(page);
  const rows = await db.query<Contact & { total: number }>(
    `select ${COLUMNS}, count(*) over () as total from ${FROM} ${where} order by ct.created_at desc, ct.id desc ${paged.clause}`,
    paged.params,
  );
  const total = rows[0]?.total ?? (page.offset > 0 ? await countRows(db, FROM, where) : 0);
  return { total, items: rows.map(({ total: _total, ...row }) => row) };
}

export async function getContact(db: Queryable, workspaceIds: string[], id: string): Promise<Contact | undefined> {
  const [row] = await db.query<Contact>(`select ${COLUMNS} from ${FROM} where ct.id = $1 and ct.workspace_id = any($2)`, [id, workspaceIds]);
  return row;
}

export async function notesOf(db: Queryable, by: { contactId?: string; companyId?: string }, limit: number): Promise<Note[]> {
  const column = by.contactId ? 'contact_id' : 'company_id';
  return db.query<Note>(`select id, author, body, created_at from notes where ${column} = $1 order by created_at desc, id desc limit $2`, [
    by.contactId ?? by.companyId,
    limit,
  ]);
}

export async function countNotes(db: Queryable, by: { contactId?: string; companyId?: string }): Promise<number> {
  const column = by.contactId ? 'contact_id' : 'company_id';
  const [row] = await db.query<{ n: number }>(`select count(*) as n from notes where ${column} = $1`, [by.contactId ?? by.companyId]);
  return row?.n ?? 0;
}
