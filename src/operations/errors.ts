/**
 * Errors are split in two. An OperationError is the caller's mistake (or a refusal): its message and hint
 * are safe to show a model, which can act on them. Anything else is ours: logged with the request id,
 * answered with a generic message, never with its raw text.
 */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'forbidden'
  | 'insufficient_scope'
  | 'rate_limited'
  | 'conflict'
  | 'idempotency_key_reused'
  | 'unavailable'
  | 'internal';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_argument: 400,
  not_found: 404,
  forbidden: 403,
  insufficient_scope: 403,
  rate_limited: 429,
  conflict: 409,
  idempotency_key_reused: 409,
  unavailable: 503,
  internal: 500,
};

export class OperationError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'unavailable'>,
    message: string,
    readonly hint?: string,
    /** Seconds until a retry can succeed (rate limits). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export function notFound(what: string, id: string, hint: string): OperationError {
  return new OperationError('not_found', `No ${what} with id "${id}" in the workspaces this credential may read.`, hint);
}

export function invalidArgument(message: string, hint?: string): OperationError {
  return new OperationError('invalid_argument', message, hint);
}
