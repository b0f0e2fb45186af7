/** Raw JSON-RPC over HTTP to /mcp, as a client of either protocol era sends it: what a broken or hostile client can send. */
export type RawEra = 'modern' | 'legacy';

export const MODERN = '2026-07-28';
export const LEGACY = '2025-06-18';
export const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientInfo': { name: 'parley-tests', version: '1' },
  'io.modelcontextprotocol/clientCapabilities': {},
};

export interface RawAnswer {
  status: number;
  headers: Headers;
  /** The JSON-RPC message (an SSE stream's data line, when the server chose SSE), or the raw text when not JSON. */
  body: any;
}

/**
 * One request. Modern requests carry the 2026-07-28 headers and envelope (the name header only where the method has a
 * name); legacy ones are stateless 2025-06-18 requests, as Claude and Cursor send them.
 */
export async function rawMcp(
  baseUrl: string,
  key: string,
  era: RawEra,
  method: string,
  params: Record<string, unknown> = {},
  id: unknown = 1,
  /** A query for /mcp, e.g. `?toolsets=all`. */
  query = '',
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };
  let sent = params;
  if (era === 'modern') {
    const name = typeof params.name === 'string' ? params.name : typeof params.uri === 'string' ? params.uri : undefined;
    Object.assign(headers, {
      'mcp-protocol-version': MODERN,
      'mcp-method': method,
      ...(name !== undefined && /^[\x20-\x7e]*$/.test(name) && { 'mcp-name': name }),
    });
    sent = { ...params, _meta: { ...ENVELOPE, ...(params._meta as object | undefined) } };
  } else {
    headers['mcp-protocol-version'] = LEGACY;
  }
  const response = await fetch(`${baseUrl}/mcp${query}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params: sent }),
  });
  const text = await response.text();
  const data = text.startsWith('event:') ? (/^data: (.*)$/m.exec(text)?.[1] ?? text) : text;
  let body: unknown = data;
  try {
    body = JSON.parse(data);
  } catch {
    // not JSON: kept as text for the assertion to show
  }
  return { status: response.status, headers: response.headers, body };
}
