// Runs every *.test.ts under src/ and test/ with Node's own test runner and the tsx loader: first on the Node that
// runs this script, then, when that is older, on Node 24 (see node24.mjs), since users run Parley on both.
// (Node 20 expands no globs in `node --test`, so the file list is made here.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureNode24 } from './node24.mjs';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : ['src', 'test'].flatMap(find).sort();
const nodes = [process.execPath];
if (only.length === 0 && Number(process.versions.node.split('.')[0]) < 24) {
  const newer = ensureNode24();
  if (newer) nodes.push(newer);
  else if (process.env.CI === 'true') throw new Error('No Node 24 binary could be had, and CI=true requires the second pass.');
  else console.log('# No Node 24 binary for this platform: running the suite once.');
}

// Demo data is generated once for the whole run; each test copies it (test/helpers/demo.ts).
const templates = mkdtempSync(path.join(tmpdir(), 'parley-templates-'));
const helper = (command) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-templates.ts', command, templates], { stdio: 'inherit' }).status === 0;
const started = performance.now();
let failed = !helper('prepare');
console.log(`# Demo data templates generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
for (const node of failed ? [] : nodes) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`# Running ${files.length} test files on Node ${version}`);
  const result = spawnSync(node, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, PARLEY_TEST_TEMPLATES: templates },
  });
  if (result.status !== 0) failed = true;
}
if (!helper('remove')) failed = true;
process.exit(failed ? 1 : 0);
