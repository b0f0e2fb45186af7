import { withoutDialect } from '../operations/json-schema.ts';
import { OPERATIONS, TOOLSETS, toolsetOf } from '../operations/registry.ts';
import { SERVER_INFO } from '../version.ts';
import { API_PREFIX, successStatus } from './router.ts';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'request_id'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, hint: { type: 'string' }, request_id: { type: 'string' } },
    },
  },
};

const ERROR_RESPONSES = {
  '400': { description: 'Invalid argument', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': {
    description: 'Missing or invalid credential',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '403': {
    description: 'Credential not allowed here, or lacking the scope',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '404': {
    description: 'Not found (or not visible to this credential)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
  '429': {
    description: 'Rate limited; see Retry-After',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

/** Every write takes its idempotency key as a header too (or as `idempotency_key` in the body). */
const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'A unique value (a UUID) per intended write: a retry with the same key and body acts once and returns the first answer.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

/** Writes only. */
const CONFLICT_RESPONSE = {
  '409': {
    description: 'Conflict: the write clashes with existing data, or its idempotency key was used for other input',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  },
};

type JsonSchema = { properties?: Record<string, Record<string, unknown>>; required?: string[] } & Record<string, unknown>;

/** A request body's schema: the input's, less what the path carries. */
function withoutPathParams(schema: JsonSchema, pathParams: readonly string[]): JsonSchema {
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([name]) => !pathParams.includes(name)));
  const required = (schema.required ?? []).filter((name) => !pathParams.includes(name));
  return { ...schema, properties, ...(schema.required && { required }) };
}

/**
 * The OpenAPI 3.1 document, generated from the operation registry (OpenAPI 3.1 schemas are JSON Schema 2020-12). The
 * server URL carries the API's prefix and the paths are relative to it, as generated clients join them.
 */
export function openApiDocument(publicUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    if (!op.rest) continue;
    const input = op.jsonSchema.input as JsonSchema;
    const pathParams = [...op.rest.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const method = op.rest.method.toLowerCase();
    const inQuery = method === 'get' || method === 'delete';
    const parameters = Object.entries(input.properties ?? {})
      .filter(([name]) => inQuery || pathParams.includes(name))
      .map(([name, schema]) => ({
        name,
        in: pathParams.includes(name) ? 'path' : 'query',
        required: pathParams.includes(name) || (input.required ?? []).includes(name),
        description: schema.description,
        schema,
        ...(schema.type === 'array' && { style: 'form', explode: false }),
      }));
    if (op.scope !== 'read') parameters.push(IDEMPOTENCY_HEADER);
    paths[op.rest.path] = {
      ...paths[op.rest.path],
      [method]: {
        operationId: op.name,
        summary: op.title,
        description: op.description,
        tags: [toolsetOf(op)!.id],
        'x-mcp-tool': op.name,
        'x-required-scope': op.scope,
        parameters,
        ...(!inQuery && {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: withoutPathParams(withoutDialect(op.jsonSchema.input), pathParams) } },
          },
        }),
        responses: {
          [successStatus(op)]: {
            description: successStatus(op) === 201 ? 'Created' : 'OK',
            content: { 'application/json': { schema: withoutDialect(op.jsonSchema.output) } },
          },
          ...ERROR_RESPONSES,
          ...(op.scope !== 'read' && CONFLICT_RESPONSE),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: SERVER_INFO.version,
      description:
        'The REST face of the operations Parley also serves as MCP tools at /mcp. Authenticate with an API key as `Authorization: Bearer <key>` or `x-api-key`.',
    },
    servers: [{ url: `${publicUrl}${API_PREFIX}` }],
    tags: TOOLSETS.map((toolset) => ({ name: toolset.id, description: toolset.description })),
    security: [{ bearer: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key (parley_ak_/sk_/rk_...)' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
