import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

export type Era = 'modern' | 'legacy';

/** The official MCP client, connected with a bearer key, speaking 2026-07-28 (modern) or a 2025 revision (legacy). */
export async function mcpClient(baseUrl: string, key: string, era: Era = 'modern', query = ''): Promise<Client> {
  const client = new Client(
    { name: 'parley-tests', version: '1.0.0' },
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp${query}`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }),
  );
  return client;
}

/** Calls a tool and returns its structured result, failing loudly on a tool error. */
export async function callTool<T = Record<string, unknown>>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

export async function rest<T = Record<string, unknown>>(
  baseUrl: string,
  key: string | undefined,
  pathAndQuery: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${baseUrl}/api/v1${pathAndQuery}`, {
    ...init,
    headers: { ...(key && { Authorization: `Bearer ${key}` }), ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}
