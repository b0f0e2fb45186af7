import * as z from 'zod';

/** A JSON Schema without its `$schema` dialect line, for embedding in another document (OpenAPI, a tool result). */
export function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/**
 * A zod schema as JSON Schema for one direction (input or output), without the ±2^53 bounds zod writes on every
 * integer: they say nothing a model or a client can use, and they cost about 50 characters each in every tool list.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io,
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
}
