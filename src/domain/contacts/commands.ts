import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import type { Owned, Tenant } from '../tenancy/tenant.ts';
import type { Company, Contact } from './schema.ts';

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
  const [workspaceId] = tenant.workspaceIds;
  if (tenant.workspaceIds.length !== 1 || !workspaceId) throw new Error('a contact is created in exactly one workspace');
  const id = newId('contact');
  const attributes = Object.fromEntries(Object.entries(fields.attributes ?? {}).filter(([, value]) => value !== null));
  await db.query(
    `insert into contacts (id, workspace_id, name, email, phone, title, company_id, company_name, attributes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      workspaceId,
      fields.name ?? null,
      fields.email ?? null,
      fields.phone ?? null,
      fields.title ?? null,
      fields.company?.id ?? null,
      fields.company_name ?? null,
      attributes,
    ],
  );
  return id;
}

/**
 * Applies a JSON merge patch (RFC 7396) to a contact: a field given is set, `null` clears it, a field left out stays;
 * `attributes` merge key by key the same way.
 */
export async function patchContact(db: Queryable, contact: Owned<Contact>, patch: ContactFields): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [contact.id];
  const set = (column: string, value: unknown, cast = '') => {
    params.push(value);
    sets.push(`${column} = $${params.length}${cast}`);
  };
  for (const column of ['name', 'email', 'phone', 'title', 'company_name'] as const) {
    if (patch[column] !== undefined) set(column, patch[column]);
  }
  if (patch.company !== undefined) set('company_id', patch.company?.id ?? null);
  if (patch.attributes !== undefined) {
    params.push(patch.attributes);
    // Scalar values only, so stripping nulls removes exactly the keys the patch cleared.
    sets.push(`attributes = jsonb_strip_nulls(attributes || $${params.length}::jsonb)`);
  }
  await db.query(`update contacts set ${sets.join(', ')}, updated_at = now() where id = $1`, params);
}
