import {
  createMcpHandler,
  ProtocolError,
  ProtocolErrorCode,
  ResourceNotFoundError,
  Server,
  specTypeSchemas,
  type CallToolResult,
  type McpRequestContext,
} from '@modelcontextprotocol/server';
import { SERVER_INFO } from '../version.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { CallContext } from '../operations/define.ts';
import { describeIssues, invoke, type Invoker } from '../operations/invoke.ts';
import { fastPath } from './fast-path.ts';
import { toolResult } from './tool-result.ts';
import { getPrompt, listPrompts } from './prompts.ts';
import { RESOURCE_TEMPLATES, RESOURCES, resolveResource } from './resources.ts';
import type { McpRequestState } from './request-state.ts';
import { serverOptions } from './server-options.ts';
import { findOperation, toolList } from './tools.ts';

const RESOURCE_LIST = RESOURCES.map(({ bind: _bind, ...resource }) => resource);

/** The spec's schema for each request whose params the SDK checks before a handler runs (tools/call it answers right). */
const REQUEST_SCHEMAS: Partial<Record<string, (typeof specTypeSchemas)[keyof typeof specTypeSchemas]>> = {
  initialize: specTypeSchemas.InitializeRequest,
  ping: specTypeSchemas.PingRequest,
  'tools/list': specTypeSchemas.ListToolsRequest,
  'resources/list': specTypeSchemas.ListResourcesRequest,
  'resources/templates/list': specTypeSchemas.ListResourceTemplatesRequest,
  'resources/read': specTypeSchemas.ReadResourceRequest,
  'prompts/list': specTypeSchemas.ListPromptsRequest,
  'prompts/get': specTypeSchemas.GetPromptRequest,
};

/**
 * The SDK's Server, but a request whose params break the spec gets -32602 with a short message naming the field.
 * The SDK's own check answers those with -32603 and a raw validation dump, which reads as a server fault.
 */
class ParleyServer extends Server {
  protected override _wrapHandler(method: string, handler: Parameters<Server['_wrapHandler']>[1]): ReturnType<Server['_wrapHandler']> {
    const wrapped = super._wrapHandler(method, handler);
    const schema = REQUEST_SCHEMAS[method];
    if (!schema) return wrapped;
    return (request, ctx) => {
      const outcome = schema['~standard'].validate(request);
      const issues = outcome instanceof Promise ? undefined : outcome.issues;
      if (issues)
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid params for ${method}: ${describeIssues(issues, 'params')}`);
      return wrapped(request, ctx);
    };
  }
}

export interface McpDeps extends Invoker {
  db: Database;
  log: Logger;
  /** Answer the plainest requests of both eras without a per-request SDK server (see fast-path.ts). */
  fastPath: boolean;
}

/**
 * The MCP endpoint. The SDK's createMcpHandler serves both the 2026-07-28 per-request protocol and 2025-era clients
 * (stateless fallback) and asks for a fresh server per request, which must not be shared (typescript-sdk#2607).
 * The factory builds a low-level Server with five handlers over tool lists and schemas prepared once at load, so a
 * request pays for almost nothing beyond its own work.
 */
export function createMcpEndpoint(deps: McpDeps): {
  serve: (request: Request, state: McpRequestState, parsedBody?: unknown) => Promise<Response>;
  close: () => Promise<void>;
} {
  const factory = ({ authInfo }: McpRequestContext) => {
    // The SDK passes authInfo through untouched to both eras (the 2025 fallback clones the Request, so it is the one carrier).
    const state = authInfo?.extra?.[STATE_KEY] as McpRequestState | undefined;
    if (!state) throw new Error('MCP request reached the server without an authenticated principal');
    const { principal, selection, requestId } = state;
    const ctx: CallContext = { principal, surface: 'mcp', db: deps.db, requestId, log: deps.log };
    const server = new ParleyServer(SERVER_INFO, serverOptions(selection));

    server.setRequestHandler('tools/list', () => ({ tools: toolList(principal, selection) }));

    server.setRequestHandler('tools/call', async (request): Promise<CallToolResult> => {
      const op = findOperation(principal, selection, request.params.name);
      if (!op)
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown tool: ${request.params.name}. Call tools/list to see the tools this credential may use.`,
        );
      return toolResult(await invoke(deps, op, ctx, request.params.arguments ?? {}));
    });

    server.setRequestHandler('resources/list', () => ({ resources: RESOURCE_LIST }));
    server.setRequestHandler('resources/templates/list', () => ({ resourceTemplates: RESOURCE_TEMPLATES }));
    server.setRequestHandler('resources/read', async (request) => {
      const { uri } = request.params;
      const binding = resolveResource(uri);
      if (!binding) throw new ResourceNotFoundError(uri);
      const result = await invoke(deps, binding.operation, ctx, binding.input);
      if (!result.ok) {
        if (result.error.code === 'not_found') throw new ResourceNotFoundError(uri, result.error.message);
        throw new ProtocolError(
          result.error.code === 'internal' || result.error.code === 'unavailable'
            ? ProtocolErrorCode.InternalError
            : ProtocolErrorCode.InvalidParams,
          result.error.message,
        );
      }
      return { contents: [{ uri, mimeType: 'application/json', text: result.json }] };
    });
    server.setRequestHandler('prompts/list', () => ({ prompts: listPrompts() }));
    server.setRequestHandler('prompts/get', (request) => {
      let result: ReturnType<typeof getPrompt>;
      try {
        result = getPrompt(request.params.name, request.params.arguments);
      } catch (error) {
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, (error as Error).message);
      }
      if (!result)
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown prompt: ${request.params.name}. Call prompts/list to see the prompts.`,
        );
      return result;
    });
    return server;
  };

  const handler = createMcpHandler(factory, {
    maxRequestBodySize: 1024 * 1024,
    onerror: (error) => deps.log.debug({ err: error }, 'mcp request rejected'),
  });
  const fast = deps.fastPath ? fastPath(deps, SERVER_INFO) : undefined;
  return {
    async serve(request, state, parsedBody) {
      const answered = fast && parsedBody !== undefined ? await fast(request.headers, parsedBody, state) : undefined;
      return (
        answered ??
        handler.fetch(request, {
          authInfo: {
            token: state.principal.credential.id,
            clientId: state.principal.credential.id,
            scopes: [...state.principal.scopes],
            extra: { [STATE_KEY]: state },
          },
          ...(parsedBody !== undefined && { parsedBody }),
        })
      );
    },
    close: () => handler.close(),
  };
}

const STATE_KEY = 'parley';
