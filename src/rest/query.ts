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
  const input: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    const schema = properties[key];
    if (schema?.type === 'array') {
      input[key] = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean).map((v) => coerce(v, schema.items));
    } else {
      input[key] = coerce(values[values.length - 1]!, schema);
    }
  }
  return input;
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
