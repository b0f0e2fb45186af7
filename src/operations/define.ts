import * as z from 'zod';
import type { Scope } from '../auth/api-keys.ts';
import type { Principal } from '../auth/principal.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';

/** Groups of tools a client can ask for, to stay under client tool limits. */
export const TOOLSETS = ['account', 'conversations', 'contacts', 'visitors', 'events'] as const;
export type Toolset = (typeof TOOLSETS)[number];

export interface OperationContext {
  principal: Principal;
  /** Which surface the call came through. */
  surface: 'mcp' | 'rest';
  db: Database;
  requestId: string;
  log: Logger;
}

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint: boolean;
}

/** Said when a result was cut to stay within a model's context budget. */
export const Truncation = z.object({
  omitted: z.number().int().describe('How many items were left out of this result.'),
  field: z.string().describe('The list that was cut.'),
  hint: z.string(),
});

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface OperationSpec<I extends ObjectSchema, O extends ObjectSchema> {
  /** The MCP tool name. */
  name: string;
  title: string;
  /** Written for a model: when to use it, what it returns, its limits and how to narrow a query. */
  description: string;
  toolset: Toolset;
  scope: Scope;
  annotations: ToolAnnotations;
  input: I;
  output: O;
  rest?: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string };
  run: (ctx: OperationContext, input: z.output<I>) => Promise<z.input<O>>;
}

export interface Operation<I extends ObjectSchema = ObjectSchema, O extends ObjectSchema = ObjectSchema> extends OperationSpec<I, O> {
  /** The output schema with the optional `truncated` notice every result may carry. */
  output: O;
  /** JSON Schemas, converted once at load so no request pays for it. */
  jsonSchema: { input: Record<string, unknown>; output: Record<string, unknown> };
}

export type AnyOperation = Operation<ObjectSchema, ObjectSchema>;

export function defineOperation<I extends ObjectSchema, O extends ObjectSchema>(spec: OperationSpec<I, O>): Operation<I, O> {
  const output = spec.output.extend({ truncated: Truncation.optional() }) as unknown as O;
  return {
    ...spec,
    input: spec.input.strict() as unknown as I,
    output,
    jsonSchema: {
      input: z.toJSONSchema(spec.input.strict(), { io: 'input' }) as Record<string, unknown>,
      output: z.toJSONSchema(output, { io: 'output' }) as Record<string, unknown>,
    },
  };
}
