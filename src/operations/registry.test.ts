import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { testPrincipal } from '../../test/helpers/principal.ts';
import { DEFAULT_SELECTION } from '../mcp/selection.ts';
import { toolList } from '../mcp/tools.ts';
import { ARGUMENT_ALIASES, argumentAliases, resolveToolName, TOOL_ALIASES } from './aliases.ts';
import type { AnyOperation } from './define.ts';
import { OPERATIONS, TOOLSETS } from './registry.ts';

const FOLDER = new URL('./', import.meta.url);
/** What a model reads of each tool: Claude silently drops a tool whose input schema reaches this many characters. */
const MAX_INPUT_SCHEMA_CHARS = 16_384;
/** The default tools/list: clients cap their lists at 40 to 128 tools. */
const DEFAULT_LIST = { maxTools: 40, maxModelTokens: 10_000, maxBytes: 100 * 1024 };

test('each toolset is its folder: every operation file is registered there, named after its tool', () => {
  const ids = TOOLSETS.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const toolset of TOOLSETS) {
    const files = fs
      .readdirSync(new URL(`${toolset.id}/`, FOLDER))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'));
    assert.deepEqual(
      files.map((f) => f.slice(0, -3).replaceAll('-', '_')).sort(),
      toolset.operations.map((op) => op.name).sort(),
      `src/operations/${toolset.id}/ holds exactly its toolset's operations`,
    );
  }
  const folders = fs
    .readdirSync(FOLDER, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(new URL(`${e.name}/index.ts`, FOLDER)))
    .map((e) => e.name);
  assert.deepEqual(folders.sort(), [...ids].sort(), 'every toolset folder is in the registry');
  assert.equal(new Set(OPERATIONS.map((op) => op.name)).size, OPERATIONS.length, 'tool names are unique');
});

test('every operation has its test beside it, and examples its input schema accepts', () => {
  for (const toolset of TOOLSETS) {
    for (const op of toolset.operations) {
      const file = `${toolset.id}/${op.name.replaceAll('_', '-')}.test.ts`;
      assert.ok(fs.existsSync(new URL(file, FOLDER)), `src/operations/${file} tests ${op.name}`);
      assert.ok(op.examples.length > 0, `${op.name} declares an example`);
      for (const example of op.examples) {
        const parsed = op.input.safeParse(example.input);
        assert.ok(parsed.success, `${op.name}, "${example.summary}": ${parsed.error?.message}`);
      }
    }
  }
});

test('aliases: a former name resolves to a current tool and never shadows one', () => {
  const names = new Set(OPERATIONS.map((op) => op.name));
  for (const [old, current] of Object.entries(TOOL_ALIASES)) {
    assert.ok(names.has(current), `${old} -> ${current}: the alias points to a tool`);
    assert.ok(!names.has(old), `${old} is still a tool's own name`);
  }
  assert.equal(resolveToolName('search_chats', { search_chats: 'search_conversations' }), 'search_conversations');
  assert.equal(resolveToolName('get_contact', { search_chats: 'search_conversations' }), 'get_contact');
  assert.equal(resolveToolName('__proto__', {}), '__proto__');
});

test("argument aliases: each stands for an argument tools take, and never hides a tool's own argument", () => {
  const declared = (op: AnyOperation) => Object.keys(op.input.shape);
  for (const [alias, name] of Object.entries(ARGUMENT_ALIASES)) {
    assert.ok(
      OPERATIONS.some((op) => op.argumentAliases.get(alias) === name),
      `${alias} -> ${name}: some tool reads it`,
    );
  }
  for (const op of OPERATIONS) {
    for (const [alias, name] of op.argumentAliases) {
      assert.ok(declared(op).includes(name) && !declared(op).includes(alias), `${op.name}: ${alias} -> ${name}`);
    }
  }
  const named = (name: string) => OPERATIONS.find((op) => op.name === name)!;
  assert.equal(named('query_events').argumentAliases.get('limit'), 'per_page');
  assert.equal(named('top_sources').argumentAliases.has('limit'), false, "top_sources' limit is its own");
  assert.deepEqual([...argumentAliases(['start_date', 'limit'], { from: 'start_date', limit: 'per_page' })], [['from', 'start_date']]);
});

test('toolsets and operations are described for a model, within bounds', () => {
  for (const toolset of TOOLSETS) {
    assert.ok(
      toolset.description.length >= 20 && toolset.description.length <= 120 && !toolset.description.includes('\n'),
      `${toolset.id}: a one-line description`,
    );
    assert.ok(toolset.instructions.length >= 40 && toolset.instructions.length <= 400, `${toolset.id}: a short instructions paragraph`);
  }
  for (const op of OPERATIONS) {
    assert.match(op.name, /^[a-z]+(_[a-z]+)+$/);
    assert.ok(
      op.description.length >= 80 && op.description.length <= 1200,
      `${op.name}: description of 80 to 1,200 characters (${op.description.length})`,
    );
    assert.equal(op.jsonSchema.input.type, 'object');
    assert.equal(op.jsonSchema.output.type, 'object');
    assert.ok(op.rest, `${op.name} has a REST route`);
  }
});

test('annotations: all four hints, read-only exactly when the scope is read, and never read-only yet destructive', () => {
  for (const op of OPERATIONS) {
    for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const)
      assert.equal(typeof op.annotations[hint], 'boolean', `${op.name}.${hint}`);
    assert.equal(op.annotations.readOnlyHint, op.scope === 'read', op.name);
    assert.equal(typeof op.changes === 'function', op.scope === 'write', `${op.name}: writes, and only writes, say what they change`);
    if (op.scope !== 'read') assert.ok(Object.hasOwn((op.jsonSchema.input.properties ?? {}) as object, 'idempotency_key'), op.name);
    assert.ok(!(op.annotations.readOnlyHint && op.annotations.destructiveHint), op.name);
  }
});

test("no tool's input schema reaches 16,384 characters, and the default tool list stays within its budget", () => {
  for (const op of OPERATIONS) assert.ok(JSON.stringify(op.jsonSchema.input).length < MAX_INPUT_SCHEMA_CHARS, op.name);
  const tools = toolList(testPrincipal(), DEFAULT_SELECTION);
  const modelReads = tools.reduce(
    (chars, t) => chars + JSON.stringify({ name: t.name, description: t.description, inputSchema: t.inputSchema }).length,
    0,
  );
  const bytes = Buffer.byteLength(JSON.stringify({ tools }));
  console.log(
    `# default tools/list: ${tools.length} tools, ~${Math.round(modelReads / 4)} tokens a model reads, ${(bytes / 1024).toFixed(1)} KB in all`,
  );
  assert.ok(tools.length <= DEFAULT_LIST.maxTools, `${tools.length} tools`);
  assert.ok(modelReads / 4 <= DEFAULT_LIST.maxModelTokens, `${Math.round(modelReads / 4)} tokens`);
  assert.ok(bytes <= DEFAULT_LIST.maxBytes, `${bytes} bytes`);
});
