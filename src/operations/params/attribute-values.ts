import * as attributes from '../../domain/attributes/queries.ts';
import type { AttributeDefinition, AttributeValue } from '../../domain/attributes/schema.ts';
import { valueProblems } from '../../domain/attributes/values.ts';
import type { Queryable } from '../../db/database.ts';
import type { Tenant } from '../../domain/tenancy/tenant.ts';
import { invalidArgument } from '../errors.ts';

/**
 * Refuses attribute values that do not fit the definitions of the workspace they are written to (the tenant's one
 * workspace), and returns those
 * definitions. `undefinedNames`: whether names without a definition pass (free-form attributes) or are refused.
 */
export async function checkAttributeValues(
  db: Queryable,
  tenant: Tenant,
  values: Record<string, AttributeValue> | undefined,
  undefinedNames: 'allow' | 'refuse',
): Promise<AttributeDefinition[]> {
  const definitions = await attributes.listDefinitions(db, tenant);
  const problems = valueProblems(definitions, values ?? {}, undefinedNames);
  if (problems.length > 0)
    throw invalidArgument(`attributes: ${problems.join('; ')}`, 'See list_custom_attributes for the types and options.');
  return definitions;
}
