/**
 * Former tool names and the tools they became. A renamed tool keeps answering to its old name, so configurations and
 * prompts written against it go on working; the listing shows only the new name. Add a line for every rename.
 */
export const TOOL_ALIASES: Readonly<Record<string, string>> = {
  list_events: 'query_events',
  // Millimetric's names.
  funnel: 'get_funnel',
  compare_projects: 'compare_workspaces',
};

/** The current name for a tool name a client sent. */
export function resolveToolName(name: unknown, aliases: Readonly<Record<string, string>> = TOOL_ALIASES): unknown {
  return typeof name === 'string' && Object.hasOwn(aliases, name) ? aliases[name] : name;
}
