import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts');

/**
 * Debian's Chromium, installed from the test setup when missing (as root, from Debian's packages: browser
 * downloads fail here), driven by playwright-core. Undefined where it cannot be had outside CI.
 */
export async function launchChromium(): Promise<Browser | undefined> {
  if (!fs.existsSync(CHROMIUM)) {
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      console.log('# Installing Debian chromium for the browser tests (apt-get) ...');
      spawnSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
      execFileSync('apt-get', ['install', '-y', 'chromium'], {
        stdio: 'ignore',
        timeout: 600_000,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    }
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI === 'true')
        throw new Error('Chromium is missing and could not be installed, and CI=true requires the browser tests.');
      console.log('# No Chromium (and not root to install it): skipping the browser tests.');
      return undefined;
    }
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
