import { classifyInboundRequest, type CallToolResult, type Implementation } from '@modelcontextprotocol/server';
import type { CallContext } from '../operations/define.ts';
import { invoke, type Invoker } from '../operations/invoke.ts';
import { renderText } from './render-text.ts';
import type { McpRequestState } from './request-state.ts';
import { toolErrorText } from './tool-result.ts';
import { findOperation } from './tools.ts';

const REVISION = '2026-07-28';
const ENVELOPE_KEYS = new Set([
  'io.modelcontextprotocol/protocolVersion',
  'io.modelcontextprotocol/clientInfo',
  'io.modelcontextprotocol/clientCapabilities',
]);
const PARAM_KEYS = new Set(['name', 'arguments', '_meta']);

/**
 * The hot path: a 2026-07-28 `tools/call` in its plainest form, answered without building a per-request SDK server.
 * It runs the SDK's own inbound classification, then takes only a request whose headers, envelope and params are
 * exactly canonical (no progress token, log level or other _meta; Mcp-Name equal to the tool name; a tool the caller
 * may use) and whose answer is a plain JSON result. Anything else returns undefined and goes to createMcpHandler,
 * which stays the authority on every error and every other method. test/mcp-fast-path.test.ts holds the two paths to
 * byte-for-byte the same answers.
 */
export function fastToolCall(deps: Invoker & Pick<CallContext, 'db' | 'log'>, serverInfo: Implementation) {
  const metaOut = { 'io.modelcontextprotocol/serverInfo': serverInfo };
  return async (headers: Headers, body: unknown, state: McpRequestState): Promise<Response | undefined> => {
    const protocolVersionHeader = headers.get('mcp-protocol-version') ?? undefined;
    const mcpMethodHeader = headers.get('mcp-method') ?? undefined;
    const mcpNameHeader = headers.get('mcp-name') ?? undefined;
    if (protocolVersionHeader !== REVISION || mcpMethodHeader !== 'tools/call' || mcpNameHeader === undefined) return undefined;
    const route = classifyInboundRequest({ httpMethod: 'POST', protocolVersionHeader, mcpMethodHeader, mcpNameHeader, body });
    if (route.kind !== 'modern' || route.messageKind !== 'request' || route.classification.revision !== REVISION) return undefined;
    const { id, params } = route.message;
    if (!params || Object.keys(params).some((key) => !PARAM_KEYS.has(key))) return undefined;
    const { name, arguments: args, _meta: meta } = params as { name?: unknown; arguments?: unknown; _meta?: Record<string, unknown> };
    if (typeof name !== 'string' || name !== mcpNameHeader) return undefined;
    if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) return undefined;
    if (!meta || Object.keys(meta).some((key) => !ENVELOPE_KEYS.has(key))) return undefined;
    const op = findOperation(state.principal, state.selection, name);
    if (!op) return undefined;

    const result = await invoke(
      deps,
      op,
      { principal: state.principal, surface: 'mcp', db: deps.db, requestId: state.requestId, log: deps.log },
      args ?? {},
    );
    // Keys in the order the SDK writes them, so both paths answer byte for byte alike.
    const callResult: CallToolResult & { resultType: 'complete' } = result.ok
      ? {
          content: [{ type: 'text', text: renderText(result.output) }],
          structuredContent: result.output,
          resultType: 'complete',
          _meta: metaOut,
        }
      : {
          _meta: { 'parley/error_code': result.error.code, ...metaOut },
          content: [{ type: 'text', text: toolErrorText(result.error) }],
          isError: true,
          resultType: 'complete',
        };
    const payload = { result: callResult, jsonrpc: '2.0', id };
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
