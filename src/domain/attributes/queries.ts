import type { Queryable } from '../../db/database.ts';
import type { Tenant } from '../tenancy/tenant.ts';
import type { AttributeDefinition } from './schema.ts';

const COLUMNS = 'id, workspace_id, name, label, type, options, description, created_at';

/** The definitions of the tenant's workspaces, by workspace then name. */
export async function listDefinitions(db: Queryable, tenant: Tenant): Promise<AttributeDefinition[]> {
  return db.query<AttributeDefinition>(
    `select ${COLUMNS} from custom_attributes where workspace_id = any($1) order by workspace_id, name`,
    [tenant.workspaceIds],
  );
}
