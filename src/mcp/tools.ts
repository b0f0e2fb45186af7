import type { Tool } from '@modelcontextprotocol/server';
import type { Principal } from '../auth/principal.ts';
import type { AnyOperation, Toolset } from '../operations/define.ts';
import { OPERATIONS } from '../operations/registry.ts';

/** The MCP tool definition of an operation, built once per operation. */
function toTool(op: AnyOperation): Tool {
  return {
    name: op.name,
    title: op.title,
    description: op.description,
    inputSchema: op.jsonSchema.input as Tool['inputSchema'],
    outputSchema: op.jsonSchema.output as Tool['outputSchema'],
    annotations: { title: op.title, ...op.annotations },
  };
}

const TOOLS = new Map(OPERATIONS.map((op) => [op.name, { op, tool: toTool(op) }]));

/** Tool lists per (scopes, toolsets): a handful of distinct lists serve every request. */
const listCache = new Map<string, Tool[]>();

/** The operations a principal may call, narrowed to the requested toolsets. A read-only key never sees a write tool. */
export function allowedOperations(principal: Principal, toolsets: ReadonlySet<Toolset> | undefined, operations: readonly AnyOperation[] = OPERATIONS): AnyOperation[] {
  return operations.filter((op) => principal.scopes.includes(op.scope) && (!toolsets || toolsets.has(op.toolset)));
}

/** The operation behind a tool name, when this caller may use it (and asked for its toolset). */
export function findOperation(principal: Principal, toolsets: ReadonlySet<Toolset> | undefined, name: unknown): AnyOperation | undefined {
  return allowedOperations(principal, toolsets).find((op) => op.name === name);
}

export function toolList(principal: Principal, toolsets: ReadonlySet<Toolset> | undefined): Tool[] {
  const key = `${[...principal.scopes].sort().join(',')}|${toolsets ? [...toolsets].sort().join(',') : '*'}`;
  let tools = listCache.get(key);
  if (!tools) {
    tools = allowedOperations(principal, toolsets).map((op) => TOOLS.get(op.name)!.tool);
    listCache.set(key, tools);
  }
  return tools;
}
