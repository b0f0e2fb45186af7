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

/**
 * Argument names other analytics servers' tools take, read as Parley's own: Millimetric's `from` and `to` (start_date
 * and end_date take its instants), `limit` (per_page) and `project_id` / `project_slug` / `project_ids` (workspace
 * takes an id or a slug, or several comma-separated). A tool reads an alias only when it takes the argument the alias
 * stands for and none of the alias's own name (top_sources keeps its own `limit`). Left out of the listed schemas,
 * which every model pays for: they serve prompts and configurations written for those servers, which then work
 * unchanged.
 */
export const ARGUMENT_ALIASES: Readonly<Record<string, string>> = {
  from: 'start_date',
  to: 'end_date',
  limit: 'per_page',
  project_id: 'workspace',
  project_slug: 'workspace',
  project_ids: 'workspace',
};

/** Aliases that take a list where their argument takes text: the list is read as its comma-separated form. */
export const LIST_ALIASES: ReadonlySet<string> = new Set(['project_ids']);

/** The aliases a tool with these arguments reads, each to the argument it stands for. */
export function argumentAliases(
  declared: readonly string[],
  aliases: Readonly<Record<string, string>> = ARGUMENT_ALIASES,
): ReadonlyMap<string, string> {
  return new Map(Object.entries(aliases).filter(([alias, name]) => declared.includes(name) && !declared.includes(alias)));
}
