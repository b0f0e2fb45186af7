import type { Queryable } from '../../db/database.ts';
import { RowUpdate } from '../../db/sql.ts';
import { newId } from '../../ids.ts';
import type { Owned, Tenant } from '../tenancy/tenant.ts';
import type { NoteParent } from './queries.ts';
import type { Company, Contact, NoteRecord } from './schema.ts';

/** A contact's own fields as a write sets them; attribute values are scalars. */
export interface ContactFields {
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  title?: string | null | undefined;
  company?: Owned<Company> | null | undefined;
  company_name?: string | null | undefined;
  attributes?: Record<string, string | number | boolean | null> | undefined;
}

/** Creates a contact in the tenant's one workspace and returns its id. */
export async function createContact(db: Queryable, tenant: Tenant, fields: ContactFields): Promise<string> {
  const id = newId('contact');
  await db.query(
    `insert into contacts (id, workspace_id, name, email, phone, title, company_id, company_name, attributes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      onlyWorkspace(tenant),
      fields.name ?? null,
      fields.email ?? null,
      fields.phone ?? null,
      fields.title ?? null,
      fields.company?.id ?? null,
      fields.company_name ?? null,
      withoutNulls(fields.attributes),
    ],
  );
  return id;
}

/**
 * Applies a JSON merge patch (RFC 7396) to a contact: a field given is set, `null` clears it, a field left out stays;
 * `attributes` merge key by key the same way.
 */
export async function patchContact(db: Queryable, contact: Owned<Contact>, patch: ContactFields): Promise<void> {
  const update = new RowUpdate('contacts', contact.id);
  for (const column of ['name', 'email', 'phone', 'title', 'company_name'] as const) update.set(column, patch[column]);
  if (patch.company !== undefined) update.set('company_id', patch.company?.id ?? null);
  await mergeAttributes(update, patch.attributes).run(db);
}

/** A company's own fields as a write sets them. */
export interface CompanyFields {
  name?: string | undefined;
  domain?: string | null | undefined;
  industry?: string | null | undefined;
  employee_count?: number | null | undefined;
  country?: string | null | undefined;
  attributes?: Record<string, string | number | boolean | null> | undefined;
}

/** Creates a company in the tenant's one workspace and returns its id. */
export async function createCompany(db: Queryable, tenant: Tenant, fields: CompanyFields & { name: string }): Promise<string> {
  const id = newId('company');
  await db.query(
    `insert into companies (id, workspace_id, name, domain, industry, employee_count, country, attributes)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      id,
      onlyWorkspace(tenant),
      fields.name,
      fields.domain ?? null,
      fields.industry ?? null,
      fields.employee_count ?? null,
      fields.country ?? null,
      withoutNulls(fields.attributes),
    ],
  );
  return id;
}

/** A JSON merge patch of a company, as for contacts. */
export async function patchCompany(db: Queryable, company: Owned<Company>, patch: CompanyFields): Promise<void> {
  const update = new RowUpdate('companies', company.id);
  for (const column of ['name', 'domain', 'industry', 'employee_count', 'country'] as const) update.set(column, patch[column]);
  await mergeAttributes(update, patch.attributes).run(db);
}

/** Who wrote a note: the name shown, and the key or person id behind it. */
export interface NoteAuthor {
  name: string;
  id: string;
}

export async function createNote(db: Queryable, parent: NoteParent, author: NoteAuthor, body: string): Promise<string> {
  const id = newId('note');
  const [contact, company] = 'contact' in parent ? [parent.contact, null] : [null, parent.company];
  await db.query(
    `insert into notes (id, workspace_id, contact_id, company_id, author, author_id, body) values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, (contact ?? company)!.workspace_id, contact?.id ?? null, company?.id ?? null, author.name, author.id, body],
  );
  return id;
}

/** Changes a note's text; its author stays who wrote it. */
export async function updateNote(db: Queryable, note: Owned<NoteRecord>, body: string): Promise<void> {
  await db.query('update notes set body = $2, updated_at = now() where id = $1', [note.id, body]);
}

export async function deleteNote(db: Queryable, note: Owned<NoteRecord>): Promise<void> {
  await db.query('delete from notes where id = $1', [note.id]);
}

function onlyWorkspace(tenant: Tenant): string {
  const [workspaceId] = tenant.workspaceIds;
  if (tenant.workspaceIds.length !== 1 || !workspaceId) throw new Error('a create writes to exactly one workspace');
  return workspaceId;
}

function withoutNulls(attributes: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes ?? {}).filter(([, value]) => value !== null));
}

/** Merges attribute values key by key; a null clears its key (values are scalars, so stripping nulls removes just those). */
function mergeAttributes(update: RowUpdate, attributes: Record<string, unknown> | undefined): RowUpdate {
  return update.set('attributes', attributes, (param) => `jsonb_strip_nulls(attributes || ${param}::jsonb)`);
}
