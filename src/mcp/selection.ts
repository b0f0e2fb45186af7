import { commaList } from '../comma-list.ts';
import { resolveToolName } from '../operations/aliases.ts';
import { OPERATIONS, TOOLSETS } from '../operations/registry.ts';

/**
 * The tools a request asked for: whole toolsets (`?toolsets=` or `X-MCP-Toolsets`, `all` for every one) and single
 * tools by name (`?tools=` or `X-MCP-Tools`). Asking for nothing gets the default toolsets; naming only tools gets
 * just those. Any toolset selection brings the catalogue along (find_tools, call_tool), the way to everything else.
 */
export interface ToolSelection {
  toolsets: ReadonlySet<string>;
  tools: ReadonlySet<string>;
  /** Names the selection, for caches of what is built from it. */
  key: string;
}

function selection(toolsets: readonly string[], tools: readonly string[]): ToolSelection {
  return { toolsets: new Set(toolsets), tools: new Set(tools), key: `${[...toolsets].sort().join(',')}|${[...tools].sort().join(',')}` };
}

export const DEFAULT_SELECTION = selection(
  TOOLSETS.filter((t) => t.default).map((t) => t.id),
  [],
);

const TOOLSET_IDS = TOOLSETS.map((t) => t.id);
const CATALOGUE = 'catalogue';
const TOOL_NAMES = new Set(OPERATIONS.map((op) => op.name));

export function parseSelection(requested: { toolsets?: string | undefined; tools?: string | undefined }): ToolSelection | Error {
  if (requested.toolsets === undefined && requested.tools === undefined) return DEFAULT_SELECTION;
  const toolsets = commaList(requested.toolsets ?? '');
  const tools = commaList(requested.tools ?? '').map((name) => String(resolveToolName(name)));
  const unknownToolsets = toolsets.filter((id) => id !== 'all' && !TOOLSET_IDS.includes(id));
  if (unknownToolsets.length > 0)
    return new Error(`Unknown toolset(s): ${unknownToolsets.join(', ')}. Known toolsets: ${TOOLSET_IDS.join(', ')}, or all.`);
  const unknownTools = tools.filter((name) => !TOOL_NAMES.has(name));
  if (unknownTools.length > 0) return new Error(`Unknown tool(s): ${unknownTools.join(', ')}. Leave out "tools" to get the default list.`);
  const chosen = toolsets.includes('all') ? TOOLSET_IDS : toolsets;
  return selection(chosen.length > 0 && !chosen.includes(CATALOGUE) ? [...chosen, CATALOGUE] : chosen, tools);
}
