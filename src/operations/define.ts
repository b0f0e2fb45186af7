import * as z from 'zod';
import type { Scope } from '../keys/api-keys.ts';
import type { Principal } from '../domain/tenancy/principal.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { ErrorCode } from './errors.ts';
import { argumentAliases } from './aliases.ts';
import { toJsonSchema } from './json-schema.ts';

/** What a surface knows of a call: who makes it, through which surface, and where to log. */
export interface CallContext {
  principal: Principal;
  /** Which surface the call came through. */
  surface: 'mcp' | 'rest';
  db: Database;
  requestId: string;
  log: Logger;
}

/** An operation's answer as the invoker gives it: the bounded output, or an error a caller can act on. */
export type Outcome =
  | { ok: true; output: Record<string, unknown>; json: string }
  | { ok: false; error: { code: ErrorCode; message: string; hint?: string; retryAfter?: number } };

/**
 * What an operation gets: who calls and through which surface, a handle to run SQL (not the database itself: the
 * invoker owns connections and transactions), and a way to run another operation as part of the same call.
 */
export interface OperationContext extends Omit<CallContext, 'db'> {
  db: Queryable;
  /** Runs another operation for the same caller through the invoker (scope, validation, bounding), charging no second call. */
  invokeNested(op: AnyOperation, input: unknown): Promise<Outcome>;
}

/** All four hints, always: a client's approval dialog reads them, and a missing one means "assume the worst". */
export interface ToolAnnotations {
  readOnlyHint: boolean;
  /** Deletes, overwrites, or reaches a customer. */
  destructiveHint: boolean;
  /** A repeat with the same input changes nothing more. */
  idempotentHint: boolean;
  /** Reaches beyond Parley's own data. */
  openWorldHint: boolean;
}

/** Said when a result was cut to stay within a model's context budget. */
export const Truncation = z.object({
  omitted: z.number().int().describe('How many items were left out of this result.'),
  field: z.string().describe('The list that was cut.'),
  hint: z.string(),
});

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** What one write changed: an audit entry and a domain event on the outbox each, written by the invoker. */
export interface Change {
  workspaceId: string;
  /** What was acted on, `{ type: 'contact', id: 'ct_...' }`. */
  subject: { type: string; id: string };
  /** The domain event, `contact.created`. */
  event: string;
  /** The event's data: the object as it now is (for a deletion, what identified it). */
  data: Record<string, unknown>;
}

export interface OperationExample<I extends ObjectSchema> {
  /** What the call asks, in a few words. */
  summary: string;
  input: z.input<I>;
}

export interface OperationSpec<I extends ObjectSchema, O extends ObjectSchema> {
  /** The MCP tool name. */
  name: string;
  title: string;
  /** Written for a model: when to use it, what it returns, its limits and how to narrow a query. */
  description: string;
  scope: Scope;
  annotations: ToolAnnotations;
  input: I;
  output: O;
  /**
   * Reads that aggregate many rows (analytics): on PostgreSQL the invoker runs them with more sort and hash memory, so
   * grouping a month of events does not spill to disk, and without JIT compiling (see SCAN_SETTINGS).
   */
  scans?: true;
  /** `creates: false` on a POST write that changes what exists instead (answered 200, not 201). */
  rest?: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: string; creates?: false };
  /**
   * Typical calls, at least one. The cross-surface test runs each over MCP (both eras) and REST, with ids swapped for
   * demo ids of the same kind (by prefix), so a new operation is covered without new test code.
   */
  examples: readonly [OperationExample<I>, ...OperationExample<I>[]];
  // A method, not a function property: its parameters are then checked bivariantly, so every operation is an
  // AnyOperation without a cast.
  run(ctx: OperationContext, input: z.output<I>): Promise<z.input<O>>;
  /**
   * Writes (required for them): what the write changed, from its answer and input. The invoker records each change in
   * the audit log and on the outbox, in the write's transaction. Ingest has none: tracked events are the record.
   */
  changes?(output: z.output<O>, input: z.output<I>): Change[];
}

export interface Operation<I extends ObjectSchema = ObjectSchema, O extends ObjectSchema = ObjectSchema> extends OperationSpec<I, O> {
  /** The output schema with the optional `truncated` notice every result may carry. */
  output: O;
  /** JSON Schemas, converted once at load so no request pays for it. */
  jsonSchema: { input: Record<string, unknown>; output: Record<string, unknown> };
  /** Other servers' names for its arguments (ARGUMENT_ALIASES), each to the argument it stands for. */
  argumentAliases: ReadonlyMap<string, string>;
}

export type AnyOperation = Operation<ObjectSchema, ObjectSchema>;

/**
 * A group of tools a client can ask for (`?toolsets=`), to stay under its tool limit: one per folder of operations,
 * declared in the folder's index.ts.
 */
export interface Toolset {
  id: string;
  /** One line: what its tools cover. */
  description: string;
  /** Listed when a client names no toolsets. */
  default: boolean;
  /** A short paragraph for the server instructions: how a model uses these tools together. */
  instructions: string;
  operations: readonly AnyOperation[];
}

/** Every write and ingest takes one: a retry with the same key and input gets the first answer and acts no second time. */
export const IdempotencyKeyParam = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
  .optional()
  .describe('A unique value (a UUID) per intended write: retrying with the same key and arguments acts once and returns the first answer.');

export function defineOperation<I extends ObjectSchema, O extends ObjectSchema>(spec: OperationSpec<I, O>): Operation<I, O> {
  const output = spec.output.extend({ truncated: Truncation.optional() }) as unknown as O;
  const input = (spec.scope === 'read' ? spec.input : spec.input.extend({ idempotency_key: IdempotencyKeyParam })).strict();
  return {
    ...spec,
    input: input as unknown as I,
    output,
    jsonSchema: {
      input: toJsonSchema(input, 'input'),
      output: toJsonSchema(output, 'output'),
    },
    argumentAliases: argumentAliases(Object.keys(input.shape)),
  };
}
