import type { AnyOperation } from '../operations/define.ts';

interface PropertySchema {
  type?: string;
  items?: PropertySchema;
}

/**
 * Query strings carry only text: turn each parameter into the type the operation's schema declares
 * (numbers, booleans, comma-separated or repeated arrays) and let the schema judge the result.
 */
export function queryToInput(op: AnyOperation, url: URL): Record<string, unknown> {
  const properties = (op.jsonSchema.input.properties ?? {}) as Record<string, PropertySchema>;
  // Built as entries, never by assignment, so every name (even "__proto__") stays a key for the schema to judge.
  return Object.fromEntries(
    [...new Set(url.searchParams.keys())].map((key) => {
      const values = url.searchParams.getAll(key);
      const schema = Object.hasOwn(properties, key) ? properties[key] : undefined;
      if (schema?.type === 'array')
        return [
          key,
          values
            .flatMap((v) => v.split(','))
            .map((v) => v.trim())
            .filter(Boolean)
            .map((v) => coerce(v, schema.items)),
        ];
      return [key, coerce(values[values.length - 1]!, schema)];
    }),
  );
}

function coerce(value: string, schema: PropertySchema | undefined): unknown {
  switch (schema?.type) {
    case 'integer':
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}
