import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * A Node 24 binary (fetched once by scripts/node24.mjs): the conformance suite needs Node 22+, while Parley's own
 * tests run on whatever Node runs them. Undefined where none can be had.
 */
export function node24(): string | undefined {
  const binary = execFileSync(process.execPath, [path.resolve('scripts/node24.mjs')], { encoding: 'utf8' }).trim();
  if (binary) return binary;
  if (process.env.CI === 'true') throw new Error('No Node 24 binary could be had, and CI=true requires it.');
  console.log('# No Node 24 binary for this platform: skipping what needs it.');
  return undefined;
}
