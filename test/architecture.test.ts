// "Imports point down" checked, not claimed: every module under src/ is read, and each import must go to a lower
// layer than its importer (or stay in its own folder), with no cycle of modules.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * Parley's layers, lowest first. A folder imports only from lower layers; folders sharing a layer know nothing of each
 * other. `(leaf)` is the single modules at the top of src/ (config, log, version, ids...), `(entry)` the two
 * entry points beside them. A new folder gets a line here, which is where its place in the design is decided.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['(leaf)', 'keys', 'connect'], // no Parley imports: formats, settings, time zones, client snippets
  ['db'], // both engines, migrations
  ['domain'], // tenancy, credentials, users, the data of each context
  ['auth', 'demo', 'jobs', 'metrics'], // principals from credentials; demo data; background work; metrics
  ['limits'], // rate limits, usage, sign-in attempts
  ['operations', 'request'], // the operations and their invoker; what every HTTP route shares
  ['mcp', 'rest', 'oauth'], // the surfaces
  ['web'], // the dashboard and the OAuth pages
  ['http'], // the app that mounts them all
  ['(entry)'], // cli.ts and server.ts
];
const ENTRY_POINTS = new Set(['cli.ts', 'server.ts']);

const SRC = path.resolve('src');

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return modules(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function unitOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  if (rest.length > 0) return first!;
  return ENTRY_POINTS.has(first!) ? '(entry)' : '(leaf)';
}

const layerOf = new Map(LAYERS.flatMap((units, index) => units.map((unit) => [unit, index] as const)));

/**
 * A module's relative imports: `import ... from`, `export ... from`, `import type` and `import('...')`. A pattern, not a
 * parser: TypeScript 7 has no JavaScript API, and module lexers stop at type syntax. Specifiers are always literal
 * strings in Parley's code, which is all the pattern needs.
 */
const IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Each module's Parley imports, as absolute paths. */
const graph = new Map(
  modules(SRC).map((file) => {
    const imported = [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => path.resolve(path.dirname(file), match[1]!));
    return [file, imported] as const;
  }),
);

test('every folder of src/ has its place in the layers', () => {
  const units = new Set([...graph.keys()].map(unitOf));
  assert.deepEqual(
    [...units].filter((unit) => !layerOf.has(unit)),
    [],
    'add the new folder to LAYERS in test/architecture.test.ts',
  );
});

test("imports point down: to a lower layer, or within the importer's own folder", () => {
  const upward: string[] = [];
  for (const [file, targets] of graph) {
    const from = unitOf(file);
    for (const target of targets) {
      const to = unitOf(target);
      if (from === to) continue;
      if (layerOf.get(to)! >= layerOf.get(from)!)
        upward.push(`${path.relative(SRC, file)} -> ${path.relative(SRC, target)} (${from} may not import ${to})`);
    }
  }
  assert.deepEqual(upward, []);
});

test('no module imports itself back through others', () => {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(SRC, f)).join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});
