/** A JSON Schema without its `$schema` dialect line, for embedding in another document (OpenAPI, a tool result). */
export function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
