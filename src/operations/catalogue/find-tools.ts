import * as z from 'zod';
import { defineOperation, type AnyOperation, type Toolset } from '../define.ts';
import { withoutDialect } from '../json-schema.ts';

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .map((w) => w.replace(/(?<=..)(es|s)$/, ''));

/** How well a tool matches the query: its name counts most, then its title, then its description. */
function score(op: AnyOperation, query: string[]): number {
  const name = new Set(words(op.name));
  const title = new Set(words(op.title));
  const description = new Set(words(op.description));
  return query.reduce((sum, w) => sum + (name.has(w) ? 3 : 0) + (title.has(w) ? 2 : 0) + (description.has(w) ? 1 : 0), 0);
}

const Found = z.object({
  name: z.string(),
  toolset: z.string(),
  title: z.string(),
  description: z.string(),
  read_only: z.boolean(),
  how_to_call: z.string(),
  input_schema: z.record(z.string(), z.unknown()).optional().describe('For read tools: the arguments call_tool takes for it.'),
});

/** `toolsets` is read when called: the catalogue describes every toolset, itself included. */
export function findTools(toolsets: () => readonly Toolset[]) {
  return defineOperation({
    name: 'find_tools',
    title: 'Find tools',
    description:
      'Searches every tool this credential may use, including those not in your tool list, by words of what you want to do ' +
      '("refund conversations", "visitor sources"). Returns each match with its description and how to call it; read tools ' +
      'come with their input schema, for call_tool. Omit `query` to list them all.',
    scope: 'read',
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    input: z.object({
      query: z.string().min(1).max(200).optional().describe('Words describing the task; tools are ranked by how many they match.'),
      toolset: z.string().min(1).max(64).optional().describe('Only tools of this toolset.'),
      limit: z.number().int().min(1).max(30).default(8).describe('How many tools to return (default 8).'),
    }),
    output: z.object({
      tools: z.array(Found),
      total_matches: z.number().int(),
      toolsets: z.array(z.object({ id: z.string(), description: z.string(), default: z.boolean() })),
    }),
    rest: { method: 'GET', path: '/tools' },
    examples: [{ summary: 'Tools about visitors', input: { query: 'visitor journey' } }],
    async run({ principal }, { query, toolset, limit }) {
      const wanted = words(query ?? '');
      const candidates = toolsets()
        .filter((t) => !toolset || t.id === toolset)
        .flatMap((t) =>
          t.operations.filter((op) => principal.scopes.includes(op.scope)).map((op) => ({ op, toolset: t.id, score: score(op, wanted) })),
        )
        .filter((c) => wanted.length === 0 || c.score > 0)
        .sort((a, b) => b.score - a.score);
      return {
        tools: candidates.slice(0, limit).map(({ op, toolset: id }) => ({
          name: op.name,
          toolset: id,
          title: op.title,
          description: op.description,
          read_only: op.annotations.readOnlyHint,
          how_to_call: op.annotations.readOnlyHint
            ? `Directly if ${op.name} is in your tool list; otherwise call_tool with name "${op.name}".`
            : `A write tool runs only as itself, so your client can ask before it acts: reconnect with ?tools=${op.name} (or ?toolsets=${id}).`,
          ...(op.annotations.readOnlyHint && { input_schema: withoutDialect(op.jsonSchema.input) }),
        })),
        total_matches: candidates.length,
        toolsets: toolsets().map((t) => ({ id: t.id, description: t.description, default: t.default })),
      };
    },
  });
}
