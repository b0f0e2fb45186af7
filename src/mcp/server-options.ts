import type { ServerOptions } from '@modelcontextprotocol/server';
import { instructionsFor } from './instructions.ts';
import type { ToolSelection } from './selection.ts';

/** Lists depend on the credential, and change only when Parley is upgraded. */
const CACHE_HINTS: ServerOptions['cacheHints'] = {
  'tools/list': { ttlMs: 300_000, cacheScope: 'private' },
  'resources/list': { ttlMs: 300_000, cacheScope: 'private' },
  'resources/templates/list': { ttlMs: 300_000, cacheScope: 'private' },
  'prompts/list': { ttlMs: 300_000, cacheScope: 'private' },
  'server/discover': { ttlMs: 300_000, cacheScope: 'private' },
};

export const CAPABILITIES = { tools: {}, resources: {}, prompts: {} } as const;

/** Server options per selection (their instructions follow the toolsets), built once each. */
const optionsCache = new Map<string, ServerOptions & { instructions: string }>();

export function serverOptions(selection: ToolSelection): ServerOptions & { instructions: string } {
  let options = optionsCache.get(selection.key);
  if (!options) {
    options = { capabilities: CAPABILITIES, instructions: instructionsFor(selection), cacheHints: CACHE_HINTS };
    optionsCache.set(selection.key, options);
  }
  return options;
}
