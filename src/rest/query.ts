import { commaList } from '../comma-list.ts';
import type { AnyOperation } from '../operations/define.ts';

interface PropertySchema {
  type?: string;
  items?: PropertySchema;
  anyOf?: PropertySchema[];
}

/**
 * Query strings carry only text: turn each parameter into the type the operation's schema declares
 * (numbers, booleans, comma-separated or repeated arrays, objects as JSON text) and let the schema judge the result. A
 * parameter that may be one value or a list (`event=signup` or `event=signup,login`) is a list when it has several.
 * A parameter repeated where the operation takes one value arrives as a list, which the schema refuses.
 */
export function queryToInput(op: AnyOperation, url: URL): Record<string, unknown> {
  const properties = (op.jsonSchema.input.properties ?? {}) as Record<string, PropertySchema>;
  // Built as entries, never by assignment, so every name (even "__proto__") stays a key for the schema to judge.
  return Object.fromEntries(
    [...new Set(url.searchParams.keys())].map((key) => {
      const values = url.searchParams.getAll(key);
      // An alias (`limit` for per_page) is read as the argument it stands for, which the invoker renames it to.
      const name = op.argumentAliases.get(key) ?? key;
      const declared = Object.hasOwn(properties, name) ? properties[name] : undefined;
      const list = declared?.anyOf?.find((option) => option.type === 'array');
      const several = values.length > 1 || values.some((v) => v.includes(','));
      const schema = list && several ? list : declared;
      if (schema?.type === 'array') return [key, values.flatMap(commaList).map((v) => coerce(v, schema.items))];
      // One value for an argument that takes one; several stay several, for the schema to refuse (or the invoker to
      // join, for an alias that takes a list), rather than one silently winning.
      return [key, values.length > 1 ? values.map((v) => coerce(v, schema)) : coerce(values[0]!, schema)];
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
    case 'object':
      try {
        return JSON.parse(value);
      } catch {
        return value;
      }
    default:
      return value;
  }
}
