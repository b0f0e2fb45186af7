import { RETRY_AFTER_SECONDS, ServiceUnavailableError } from '../availability.ts';
import { describeInputProblem, findInputProblem } from '../input-rules.ts';
import type { RateLimitDecision, RateLimiter } from '../limits/rate-limit.ts';
import type { UsageRecorder } from '../limits/usage.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { boundResult } from './bound.ts';
import { LIST_ALIASES } from './aliases.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { AnyOperation, CallContext, OperationContext, Outcome } from './define.ts';
import { OperationError } from './errors.ts';
import { runWrite } from './write.ts';

export type InvokeResult = Outcome & { rateLimit?: RateLimitDecision };

export interface Invoker {
  rateLimiter: RateLimiter;
  usage: UsageRecorder;
  /** Set when Prometheus metrics are on (METRICS_PORT). */
  metrics?: Metrics | undefined;
}

/**
 * Runs one operation for a caller, the same way for every surface: scope check, rate limit, input validation (the
 * shared input rule, then the operation's schema), the operation itself, then bounding the result. Never throws: the
 * caller's mistakes come back with a message a model can act on; a backend outage comes back as "unavailable, retry"
 * (logged once per outage by the backend); our failures are logged with the request id and come back generic.
 */
export function invoke(deps: Invoker, op: AnyOperation, ctx: CallContext, rawInput: unknown): Promise<InvokeResult> {
  return measured(deps, op, ctx, rawInput, true);
}

/** `charged`: the call counts against the rate limit and usage (a nested call is part of one already counted). */
async function measured(deps: Invoker, op: AnyOperation, ctx: CallContext, rawInput: unknown, charged: boolean): Promise<InvokeResult> {
  if (!deps.metrics) return run(deps, op, ctx, rawInput, charged);
  const started = performance.now();
  const result = await run(deps, op, ctx, rawInput, charged);
  deps.metrics.operation(op.name, ctx.surface, result.ok ? 'ok' : result.error.code, (performance.now() - started) / 1000);
  return result;
}

async function run(deps: Invoker, op: AnyOperation, ctx: CallContext, rawInput: unknown, charged: boolean): Promise<InvokeResult> {
  let rateLimit: RateLimitDecision | undefined;
  try {
    if (!ctx.principal.scopes.includes(op.scope)) {
      throw new OperationError(
        'insufficient_scope',
        `${op.name} needs the "${op.scope}" scope; this credential has ${ctx.principal.scopes.join(', ') || 'none'}.`,
        'Use a credential with that scope.',
      );
    }
    if (charged) {
      const limit = await deps.rateLimiter.consume(ctx.principal.rateLimitKey, ctx.principal.rateLimits);
      rateLimit = limit;
      deps.usage.record(ctx.principal.credential.id, ctx.principal.accountId);
      if (!limit.allowed) {
        throw new OperationError(
          'rate_limited',
          `Rate limit reached: ${limit.limit} calls per ${limit.window} for this credential. Retry in ${limit.resetSeconds} seconds.`,
          `Wait ${limit.resetSeconds} seconds before calling again.`,
          limit.resetSeconds,
        );
      }
    }
    const problem = findInputProblem(rawInput);
    if (problem)
      throw new OperationError('invalid_argument', describeInputProblem(problem, 'arguments'), `See the input schema of ${op.name}.`);
    const { input, givenAs } = underOwnNames(op, rawInput);
    const parsed = op.input.safeParse(input ?? {});
    if (!parsed.success)
      throw new OperationError(
        'invalid_argument',
        describeIssues(parsed.error.issues, 'arguments', givenAs),
        `See the input schema of ${op.name}.`,
      );
    const { principal, surface, requestId, log } = ctx;
    const context = (db: Queryable): OperationContext => ({
      principal,
      surface,
      db,
      requestId,
      log,
      invokeNested: (nested, input) => measured(deps, nested, ctx, input, false),
    });
    const bounded =
      op.scope !== 'read'
        ? await runWrite(op, ctx, parsed.data, context)
        : boundResult((await runRead(op, ctx.db, parsed.data, context)) as Record<string, unknown>);
    return { ok: true, output: bounded.value, json: bounded.json, rateLimit };
  } catch (error) {
    if (error instanceof OperationError) {
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          ...(error.hint && { hint: error.hint }),
          ...(error.retryAfter && { retryAfter: error.retryAfter }),
        },
        rateLimit,
      };
    }
    if (error instanceof ServiceUnavailableError) {
      return {
        ok: false,
        error: {
          code: 'unavailable',
          message: error.message,
          hint: `Retry in ${RETRY_AFTER_SECONDS} seconds.`,
          retryAfter: RETRY_AFTER_SECONDS,
        },
        rateLimit,
      };
    }
    ctx.log.error({ err: error, requestId: ctx.requestId, operation: op.name }, 'operation failed');
    return {
      ok: false,
      error: { code: 'internal', message: `Internal error (request id ${ctx.requestId}). It has been logged; try again later.` },
      rateLimit,
    };
  }
}

/**
 * The arguments under the operation's own names, an alias (`from`, `limit`...) renamed to the argument it stands for;
 * `givenAs` maps each renamed argument back to the name the caller used, for error messages. Two names for one
 * argument are refused rather than one silently winning.
 */
function underOwnNames(op: AnyOperation, input: unknown): { input: unknown; givenAs?: ReadonlyMap<string, string> } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { input };
  const keys = Object.keys(input);
  if (!keys.some((key) => op.argumentAliases.has(key))) return { input };
  const givenAs = new Map<string, string>();
  const entries = Object.entries(input).map(([key, value]): [string, unknown] => {
    const name = op.argumentAliases.get(key) ?? key;
    const other = givenAs.get(name) ?? (name !== key && keys.includes(name) ? name : undefined);
    if (other !== undefined)
      throw new OperationError(
        'invalid_argument',
        `arguments: "${other}" and "${key}" both give ${name}.`,
        `Give one of them; ${op.name} calls it ${name}.`,
      );
    if (name !== key) givenAs.set(name, key);
    return [
      name,
      LIST_ALIASES.has(key) && Array.isArray(value) && value.every((item) => typeof item === 'string') ? value.join(',') : value,
    ];
  });
  // Built as entries, never by assignment, so every name (even "__proto__") stays a key for the schema to judge.
  return { input: Object.fromEntries(entries), givenAs };
}

/**
 * For one scanning read on PostgreSQL: sort and hash memory, so a month of events by day does not spill to disk at
 * the default 4 MB; no JIT, whose compiling costs such a query a second and more and saves it nothing; and a plan made
 * for this call's range, never a prepared statement's generic one, whose guesses suit a point lookup. The embedded
 * engine keeps its own settings: WebAssembly memory, once grown, is never given back.
 */
const SCAN_SETTINGS = "set local work_mem = '64MB'; set local jit = off; set local plan_cache_mode = force_custom_plan";

function runRead(
  op: AnyOperation,
  db: Database,
  input: Record<string, unknown>,
  context: (db: Queryable) => OperationContext,
): Promise<unknown> {
  if (!op.scans || db.engine !== 'postgres') return op.run(context(db), input);
  return db.transaction(async (tx) => {
    await tx.query(SCAN_SETTINGS);
    return op.run(context(tx), input);
  });
}

/** A validation issue as zod and Standard Schema report it. */
export interface ValidationIssue {
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  readonly message: string;
  readonly code?: string;
  readonly keys?: readonly string[];
  /** For a bad key of a record: what is wrong with the key itself. */
  readonly issues?: readonly { readonly message: string }[];
  /** For a value no branch of a union takes: each branch's issues. */
  readonly errors?: readonly (readonly ValidationIssue[])[];
  /** For a value of the wrong type: the type expected. */
  readonly expected?: string;
}

/**
 * Validation issues as one readable sentence per bad field: `per_page: Too big: expected number to be <=100`. A field
 * the caller named by an alias (`givenAs`) is named as the caller did.
 */
export function describeIssues(issues: readonly ValidationIssue[], root = 'arguments', givenAs?: ReadonlyMap<string, string>): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const names = (issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment));
      if (names[0] !== undefined) names[0] = givenAs?.get(names[0]) ?? names[0];
      const field = names.join('.') || root;
      if (issue.code === 'unrecognized_keys' && issue.keys)
        return `${field}: unknown argument(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      if (issue.code === 'invalid_key' && issue.issues?.[0]) return `${field}: invalid name: ${issue.issues[0].message}`;
      if (issue.code === 'invalid_union') return `${field}: ${unionMessage(issue)}`;
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * A value of a type no branch of a union takes, as every branch's expected type: `Invalid input: expected string or
 * array, received number`, where zod says only `Invalid input`. (A value of a branch's type is reported by zod as that
 * branch's own issue.)
 */
function unionMessage(issue: ValidationIssue): string {
  const mismatches = (issue.errors ?? []).map(([only, ...more]) =>
    only?.code === 'invalid_type' && only.expected && more.length === 0 && !only.path?.length ? only : undefined,
  );
  if (mismatches.length === 0 || mismatches.some((mismatch) => mismatch === undefined)) return issue.message;
  const expected = [...new Set(mismatches.map((mismatch) => mismatch!.expected))];
  const received = /, received (\w+)$/.exec(mismatches[0]!.message)?.[1];
  return `Invalid input: expected ${expected.join(' or ')}${received ? `, received ${received}` : ''}`;
}
