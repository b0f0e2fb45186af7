import type { Queryable } from '../../db/database.ts';
import { newId } from '../../ids.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { AttributeType } from './schema.ts';

export interface DefinitionFields {
  name: string;
  label: string;
  type: AttributeType;
  options?: string[] | undefined;
  description?: string | undefined;
}

/** Defines an attribute in the tenant's one workspace; undefined when the workspace already has that name. */
export async function createDefinition(db: Queryable, tenant: Tenant, fields: DefinitionFields): Promise<string | undefined> {
  const id = newId('customAttribute');
  const rows = await db.query(
    `insert into custom_attributes (id, workspace_id, name, label, type, options, description) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (workspace_id, name) do nothing returning id`,
    [id, tenant.workspaceIds[0], fields.name, fields.label, fields.type, fields.options ?? null, fields.description ?? null],
  );
  return rows.length > 0 ? id : undefined;
}
