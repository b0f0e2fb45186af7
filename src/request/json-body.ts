import type { IncomingMessage } from 'node:http';

type Refusal = { ok: false; status: 400 | 413; code: 'body_too_large' | 'bad_request' | 'invalid_json'; message: string };
export type RawBody = { ok: true; bytes: Buffer } | Refusal;
export type JsonBody = { ok: true; value: unknown } | Refusal;

/**
 * Reads a request body straight from Node's stream, refusing it as soon as it passes `limit` bytes. Cheaper than
 * going through a web ReadableStream, which is most of what a small request costs.
 */
export async function readBody(incoming: IncomingMessage, limit: number): Promise<RawBody> {
  const tooLarge = {
    ok: false,
    status: 413,
    code: 'body_too_large',
    message: `Request body too large: the limit is ${limit} bytes.`,
  } as const;
  if (Number(incoming.headers['content-length'] ?? 0) > limit) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) return tooLarge;
      chunks.push(chunk);
    }
  } catch {
    // The client hung up mid-body: nobody is left to answer, and it is not a server error.
    return { ok: false, status: 400, code: 'bad_request', message: 'The request body was cut off: the client closed the connection.' };
  }
  return { ok: true, bytes: Buffer.concat(chunks, size) };
}

/** Reads and parses a JSON request body, within `limit` bytes (see readBody); `empty` stands for a body of no bytes. */
export async function readJsonBody(incoming: IncomingMessage, limit: number, options: { empty?: unknown } = {}): Promise<JsonBody> {
  const body = await readBody(incoming, limit);
  if (!body.ok) return body;
  if (body.bytes.length === 0 && 'empty' in options) return { ok: true, value: options.empty };
  try {
    return { ok: true, value: JSON.parse(body.bytes.toString('utf8')) };
  } catch {
    return { ok: false, status: 400, code: 'invalid_json', message: 'Parse error: the request body is not valid JSON' };
  }
}
