/**
 * The baseline: the SDK's documented stateless pattern, a new McpServer per request via createMcpHandler, with 8
 * no-op tools whose schemas are built once. Parley's real tools are measured against it in the same run.
 */
import { serve } from '@hono/node-server';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';

const schemas = Array.from({ length: 8 }, (_, i) => ({
  name: `noop_${i}`,
  input: z.object({ q: z.string().optional(), n: z.number().int().optional() }),
}));

const handler = createMcpHandler(() => {
  const server = new McpServer({ name: 'bare', version: '1.0.0' });
  for (const { name, input } of schemas)
    server.registerTool(name, { description: 'Does nothing.', inputSchema: input }, async () => ({
      content: [{ type: 'text', text: 'ok' }],
    }));
  return server;
});

const server = serve({ fetch: (request) => handler.fetch(request), port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${info.port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
