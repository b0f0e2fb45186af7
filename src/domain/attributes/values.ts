import type { AttributeDefinition, AttributeValue } from './schema.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with attribute values given their definitions, one sentence per bad value. A value of a defined
 * attribute must fit its type (null always does: it removes the value); names without a definition are judged by
 * `undefinedNames`: allowed (free-form attributes) or refused.
 */
export function valueProblems(
  definitions: readonly AttributeDefinition[],
  values: Record<string, AttributeValue>,
  undefinedNames: 'allow' | 'refuse',
): string[] {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const problems: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const definition = byName.get(name);
    if (!definition) {
      if (undefinedNames === 'refuse') {
        const known = [...byName.keys()].join(', ') || 'none yet';
        problems.push(`${name}: no such custom attribute in this workspace (defined: ${known})`);
      }
      continue;
    }
    if (value === null) continue;
    const problem = typeProblem(definition, value);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems;
}

function typeProblem(definition: AttributeDefinition, value: Exclude<AttributeValue, null>): string | undefined {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'expected text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected true or false';
    case 'date':
      return typeof value === 'string' &&
        DATE.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? undefined
        : 'expected a date as YYYY-MM-DD';
    case 'select':
      return typeof value === 'string' && definition.options?.includes(value)
        ? undefined
        : `expected one of ${definition.options?.join(', ')}`;
  }
}
