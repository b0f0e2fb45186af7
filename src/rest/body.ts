import type { IncomingMessage } from 'node:http';
import { readJsonBody, type JsonBody } from '../request/json-body.ts';

/** The same ceiling as an MCP request: a REST write carries the same arguments. */
export const MAX_REST_BODY_BYTES = 1024 * 1024;

export type BodyInput = { ok: true; value: Record<string, unknown> } | Exclude<JsonBody, { ok: true }>;

/**
 * A REST write's arguments: its JSON body, which must be an object (an empty body is no arguments). Anything else is
 * refused here, before the invoker, as the caller's mistake.
 */
export async function readBodyInput(incoming: IncomingMessage): Promise<BodyInput> {
  const body = await readJsonBody(incoming, MAX_REST_BODY_BYTES, { empty: {} });
  if (!body.ok) return body;
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    return {
      ok: false,
      status: 400,
      code: 'invalid_json',
      message: "The request body must be a JSON object of the operation's arguments.",
    };
  }
  return { ok: true, value: body.value as Record<string, unknown> };
}
