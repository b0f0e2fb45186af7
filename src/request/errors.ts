import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  error: { code: string; message: string; hint?: string; request_id: string };
}

/** Every REST error has this shape: a stable `code`, a readable `message`, and the request id to quote. */
export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string, hint?: string): Response {
  const body: ErrorBody = { error: { code, message, ...(hint && { hint }), request_id: c.get('requestId') } };
  return c.json(body, status);
}
