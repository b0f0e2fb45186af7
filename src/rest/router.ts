import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Database } from '../db/database.ts';
import type { AppEnv } from '../request/context.ts';
import { jsonError } from '../request/errors.ts';
import type { Logger } from '../log.ts';
import type { AnyOperation } from '../operations/define.ts';
import { HTTP_STATUS } from '../operations/errors.ts';
import { invoke, type Invoker } from '../operations/invoke.ts';
import { OPERATIONS } from '../operations/registry.ts';
import { readBodyInput } from './body.ts';
import { queryToInput } from './query.ts';

export interface RestDeps extends Invoker {
  db: Database;
  log: Logger;
}

/** Where the REST API is mounted; operations declare their paths below it. */
export const API_PREFIX = '/api/v1';

function hasBody(headers: Headers): boolean {
  return (headers.get('content-length') ?? '0') !== '0' || headers.has('transfer-encoding');
}

/**
 * A write by POST creates something, 201 Created (a replay of it too, so a retry sees what the first call saw), unless
 * its route says it changes what exists (a delivery report).
 */
export function successStatus(op: AnyOperation): 200 | 201 {
  return op.scope === 'write' && op.rest?.method === 'POST' && op.rest.creates !== false ? 201 : 200;
}

/** `/conversations/{conversation_id}` (OpenAPI style) as a Hono route, `/conversations/:conversation_id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Mounts every operation that declares a REST route, from the same declarations MCP serves. */
export function restRouter(deps: RestDeps): Hono<AppEnv> {
  const router = new Hono<AppEnv>();
  for (const op of OPERATIONS) {
    if (!op.rest) continue;
    router.on(op.rest.method, honoPath(op.rest.path), async (c) => {
      const fromBody = op.rest!.method !== 'GET' && op.rest!.method !== 'DELETE';
      if (!fromBody && hasBody(c.req.raw.headers)) {
        return jsonError(c, 400, 'invalid_argument', `${op.rest!.method} takes its arguments in the query string, not a body.`);
      }
      const body = fromBody ? await readBodyInput(c.env.incoming) : { ok: true as const, value: queryToInput(op, new URL(c.req.url)) };
      if (!body.ok) return jsonError(c, body.status, body.code, body.message);
      const fromPath = c.req.param();
      const twice = Object.keys(fromPath).find((name) => Object.hasOwn(body.value, name));
      if (twice)
        return jsonError(
          c,
          400,
          'invalid_argument',
          `"${twice}" is given by the path; leave it out of the ${fromBody ? 'body' : 'query'}.`,
        );
      // A write's Idempotency-Key header is its idempotency_key argument (reads ignore it, as they change nothing).
      const key = op.scope !== 'read' ? c.req.header('idempotency-key') : undefined;
      if (key !== undefined && Object.hasOwn(body.value, 'idempotency_key') && body.value.idempotency_key !== key) {
        return jsonError(c, 400, 'invalid_argument', 'The Idempotency-Key header and the idempotency_key field differ; give one.');
      }
      // Built as entries, so a body's "__proto__" stays a key for the invoker to refuse.
      const input = Object.fromEntries([
        ...Object.entries(body.value),
        ...Object.entries(fromPath),
        ...(key === undefined ? [] : [['idempotency_key', key] as const]),
      ]);
      const result = await invoke(
        deps,
        op,
        { principal: c.get('principal'), surface: 'rest', db: deps.db, requestId: c.get('requestId'), log: deps.log },
        input,
      );
      if (result.rateLimit) {
        c.header('RateLimit-Limit', String(result.rateLimit.limit));
        c.header('RateLimit-Remaining', String(result.rateLimit.remaining));
        c.header('RateLimit-Reset', String(result.rateLimit.resetSeconds));
      }
      if (result.ok) return c.body(result.json, successStatus(op), { 'content-type': 'application/json' });
      if (result.error.retryAfter) c.header('Retry-After', String(result.error.retryAfter));
      return jsonError(
        c,
        HTTP_STATUS[result.error.code] as ContentfulStatusCode,
        result.error.code,
        result.error.message,
        result.error.hint,
      );
    });
  }
  return router;
}
