import { classifyInboundRequest, type Implementation, type JSONRPCRequest, specTypeSchemas } from '@modelcontextprotocol/server';
import type { CallContext } from '../operations/define.ts';
import { invoke, type Invoker } from '../operations/invoke.ts';
import type { McpRequestState } from './request-state.ts';
import { serverOptions } from './server-options.ts';
import { toolResult } from './tool-result.ts';
import { findOperation, toolList } from './tools.ts';

const MODERN_REVISION = '2026-07-28';
/**
 * The 2025-era revisions a stateless client names in MCP-Protocol-Version once it has initialized. A request without
 * the header is one too: the SDK assumes 2025-03-26 and answers the same.
 */
const LEGACY_REVISIONS: readonly string[] = ['2025-03-26', '2025-06-18', '2025-11-25'];
const ENVELOPE_KEYS = new Set([
  'io.modelcontextprotocol/protocolVersion',
  'io.modelcontextprotocol/clientInfo',
  'io.modelcontextprotocol/clientCapabilities',
]);
const PARAM_KEYS = new Set(['name', 'arguments', '_meta']);
/** What Claude and Cursor send in a 2025-era tools/call's _meta: a progress token at most. */
const LEGACY_META_KEYS = new Set(['progressToken']);

/** The headers of the SDK's stateless 2025-era answer: one SSE event, then the stream ends. */
const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

type Deps = Invoker & Pick<CallContext, 'db' | 'log'>;
type Answer = Promise<Response | undefined>;

/**
 * The hot path: the requests clients send on every use, answered without building a per-request SDK server.
 * - 2026-07-28: a `tools/call` in its plainest form (no progress token, log level or other _meta; Mcp-Name equal to
 *   the tool name), answered as JSON.
 * - 2025-03-26, 2025-06-18 and 2025-11-25, stateless: `tools/call`, `tools/list`, `ping`, `initialize` and
 *   `notifications/initialized`, answered as the one SSE event the SDK's stateless transport writes.
 * It runs the SDK's own inbound classification and takes only a request whose headers and params are canonical and
 * whose tool the caller may use; anything else returns undefined and goes to createMcpHandler, which stays the
 * authority on every error and every other method. test/mcp-fast-path.test.ts holds both paths to byte-for-byte the
 * same answers, for every operation's examples and every kind of error, in both eras.
 */
export function fastPath(deps: Deps, serverInfo: Implementation) {
  const modernMeta = { 'io.modelcontextprotocol/serverInfo': serverInfo };
  const call = (state: McpRequestState, name: string, args: unknown) => {
    const op = findOperation(state.principal, state.selection, name);
    if (!op) return undefined;
    const ctx: CallContext = { principal: state.principal, surface: 'mcp', db: deps.db, requestId: state.requestId, log: deps.log };
    return invoke(deps, op, ctx, args ?? {});
  };

  async function modern(headers: Headers, message: JSONRPCRequest, state: McpRequestState): Answer {
    const { id, params } = message;
    if (headers.get('mcp-method') !== 'tools/call' || !params || !onlyKeys(params, PARAM_KEYS)) return undefined;
    const { name, arguments: args, _meta: meta } = params as { name?: unknown; arguments?: unknown; _meta?: unknown };
    if (typeof name !== 'string' || name !== headers.get('mcp-name') || !isArguments(args) || !onlyKeys(meta, ENVELOPE_KEYS))
      return undefined;
    const result = await call(state, name, args);
    if (!result) return undefined;
    // Keys in the order the SDK writes them, so both paths answer byte for byte alike.
    const payload = { result: toolResult(result, modernMeta), jsonrpc: '2.0', id };
    return new Response(JSON.stringify(payload), { status: 200, headers: { 'content-type': 'application/json' } });
  }

  async function legacy(message: JSONRPCRequest, state: McpRequestState): Answer {
    const { id, method, params } = message;
    let result: object | undefined;
    if (method === 'tools/call') {
      if (!params || !onlyKeys(params, PARAM_KEYS)) return undefined;
      const { name, arguments: args, _meta: meta } = params as { name?: unknown; arguments?: unknown; _meta?: unknown };
      if (typeof name !== 'string' || !isArguments(args) || (meta !== undefined && !onlyKeys(meta, LEGACY_META_KEYS))) return undefined;
      const outcome = await call(state, name, args);
      if (!outcome) return undefined;
      result = toolResult(outcome);
    } else if (method === 'tools/list' && isEmpty(params)) result = { tools: toolList(state.principal, state.selection) };
    else if (method === 'ping' && isEmpty(params)) result = {};
    else if (method === 'initialize') result = initializeResult(message, state, serverInfo);
    if (!result) return undefined;
    return new Response(`event: message\ndata: ${JSON.stringify({ result, jsonrpc: '2.0', id })}\n\n`, {
      status: 200,
      headers: SSE_HEADERS,
    });
  }

  return async (headers: Headers, body: unknown, state: McpRequestState): Answer => {
    const protocolVersionHeader = headers.get('mcp-protocol-version') ?? undefined;
    const mcpMethodHeader = headers.get('mcp-method') ?? undefined;
    const mcpNameHeader = headers.get('mcp-name') ?? undefined;
    const route = classifyInboundRequest({ httpMethod: 'POST', protocolVersionHeader, mcpMethodHeader, mcpNameHeader, body });
    if (route.kind === 'modern') {
      const canonical =
        protocolVersionHeader === MODERN_REVISION && route.messageKind === 'request' && route.classification.revision === MODERN_REVISION;
      return canonical ? modern(headers, route.message as JSONRPCRequest, state) : undefined;
    }
    if (route.kind !== 'legacy' || mcpMethodHeader !== undefined || mcpNameHeader !== undefined) return undefined;
    if (protocolVersionHeader !== undefined && !LEGACY_REVISIONS.includes(protocolVersionHeader)) return undefined;
    // The SDK's stateless transport answers 406 unless the client takes both.
    const accept = headers.get('accept');
    if (!accept?.includes('application/json') || !accept.includes('text/event-stream')) return undefined;
    if (route.reason === 'notification') {
      const { method, params } = body as { method: string; params?: unknown };
      return method === 'notifications/initialized' && isEmpty(params) ? new Response(null, { status: 202 }) : undefined;
    }
    if (route.reason !== 'no-claim' && route.reason !== 'initialize') return undefined;
    return legacy(body as JSONRPCRequest, state);
  };
}

/**
 * The 2025-era handshake, for a revision served here and params the spec allows (anything else is the SDK's to
 * answer): the client's revision echoed, with the capabilities and the instructions of its tool selection.
 */
function initializeResult(message: JSONRPCRequest, state: McpRequestState, serverInfo: Implementation): object | undefined {
  const requested = (message.params as { protocolVersion?: unknown } | undefined)?.protocolVersion;
  if (typeof requested !== 'string' || !LEGACY_REVISIONS.includes(requested)) return undefined;
  const checked = specTypeSchemas.InitializeRequest['~standard'].validate(message);
  if (checked instanceof Promise || checked.issues) return undefined;
  const { capabilities, instructions } = serverOptions(state.selection);
  return { protocolVersion: requested, capabilities, serverInfo, instructions };
}

function onlyKeys(value: unknown, allowed: ReadonlySet<string>): value is Record<string, unknown> {
  return isObject(value) && Object.keys(value).every((key) => allowed.has(key));
}

function isEmpty(params: unknown): boolean {
  return params === undefined || (isObject(params) && Object.keys(params).length === 0);
}

function isArguments(args: unknown): boolean {
  return args === undefined || isObject(args);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
