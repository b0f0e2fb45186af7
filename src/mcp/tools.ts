import type { Tool } from '@modelcontextprotocol/server';
import type { Principal } from '../domain/tenancy/principal.ts';
import { resolveToolName } from '../operations/aliases.ts';
import type { AnyOperation } from '../operations/define.ts';
import { OPERATIONS, toolsetOf } from '../operations/registry.ts';
import type { ToolSelection } from './selection.ts';

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

/** Tool lists per (scopes, selection): a handful of distinct lists serve every request. */
const listCache = new Map<string, Tool[]>();

/** The operations a principal may call, narrowed to the selection. A read-only key never sees a write tool. */
export function allowedOperations(
  principal: Principal,
  selection: ToolSelection,
  operations: readonly AnyOperation[] = OPERATIONS,
): AnyOperation[] {
  return operations.filter((op) => isAllowed(principal, selection, op));
}

function isAllowed(principal: Principal, selection: ToolSelection, op: AnyOperation): boolean {
  return principal.scopes.includes(op.scope) && (selection.tools.has(op.name) || selection.toolsets.has(toolsetOf(op)?.id ?? ''));
}

/** The operation behind a tool name, when this caller may use it (and selected it): one lookup, on every tool call. */
export function findOperation(principal: Principal, selection: ToolSelection, name: unknown): AnyOperation | undefined {
  const current = resolveToolName(name);
  const op = typeof current === 'string' ? TOOLS.get(current)?.op : undefined;
  return op && isAllowed(principal, selection, op) ? op : undefined;
}

export function toolList(principal: Principal, selection: ToolSelection): Tool[] {
  const key = `${[...principal.scopes].sort().join(',')}|${selection.key}`;
  let tools = listCache.get(key);
  if (!tools) {
    tools = allowedOperations(principal, selection).map((op) => TOOLS.get(op.name)!.tool);
    listCache.set(key, tools);
  }
  return tools;
}
