import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { SETTINGS } from '../src/config.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-cli-'));

const TSX = import.meta.resolve('tsx'); // absolute, so a command run from another directory still finds it

function parley(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const result = spawnSync(process.execPath, ['--import', TSX, path.resolve('src/cli.ts'), ...args], {
    cwd,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the parley command', () => {
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('demo loads the tenants once and prints fresh keys each time', () => {
    const first = parley(['demo']);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Demo data loaded/);
    assert.match(first.err, /Loading demo data \[[#.]{30}\] \d+%: [\d,]+ rows in \d+ s/, 'a progress bar on stderr');
    const keys = first.out.match(/parley_(ak|rk)_[0-9A-Za-z]{38}/g) ?? [];
    assert.equal(
      keys.length,
      4 + 4,
      'two keys per account, plus the first in the snippets of Claude Code, Claude Desktop, Cursor and MCP Inspector',
    );
    assert.match(first.out, /\/invite\/[\w-]{43}\n/, 'a one-time link to join the demo account, to connect apps by OAuth');
    const again = parley(['demo']);
    assert.match(again.out, /already there; here are fresh keys/);
    assert.ok(!again.out.includes(keys[0]!), 'new keys, never the old secrets');
  });

  test('keys create, list and revoke', () => {
    const created = parley([
      'keys',
      'create',
      '--account',
      'northwind',
      '--workspace',
      'northwind-web',
      '--kind',
      'read_only',
      '--name',
      'reporting',
    ]);
    assert.equal(created.code, 0, created.err);
    const id = /Created read_only key (key_\w+)/.exec(created.out)?.[1];
    assert.ok(id && /parley_rk_/.test(created.out));
    assert.match(parley(['keys', 'list', '--account', 'northwind']).out, new RegExp(`${id}.*reporting.*active`));
    assert.equal(parley(['keys', 'revoke', id]).code, 0);
    assert.match(parley(['keys', 'list']).out, new RegExp(`${id}.*REVOKED`));
    const twice = parley(['keys', 'revoke', id]);
    assert.equal(twice.code, 2);
    assert.match(twice.err, /No active key/);
    const bad = parley(['keys', 'create', '--account', 'northwind', '--kind', 'secret']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /A secret key needs a workspace/);
  });

  test('limits set and show', () => {
    const set = parley(['limits', 'set', '--account', 'bluebird', '--per-minute', '5']);
    assert.equal(set.code, 0, set.err);
    assert.match(set.out, /5\/minute, 1000\/hour, 10000\/day/);
    assert.equal(parley(['limits', 'set', '--account', 'bluebird', '--per-hour', 'lots']).code, 2);
  });

  test('settings come from ./.env where the environment leaves them unset; .env.example and the README list every setting', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-dotenv-'));
    try {
      fs.writeFileSync(path.join(dir, '.env'), '# a comment\nPORT=eighty\nDEMO_DATA=off\n');
      const fromFile = parley(['migrate'], {}, dir);
      assert.equal(fromFile.code, 2, 'the file was read');
      assert.match(fromFile.err, /PORT: /);
      const environmentWins = parley(['migrate'], { PORT: '8788' }, dir);
      assert.equal(environmentWins.code, 0, environmentWins.err);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const example = fs.readFileSync('.env.example', 'utf8');
    const listed = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    assert.deepEqual(listed.toSorted(), [...SETTINGS].sort(), '.env.example lists each setting once, and only settings');
    const readme = fs.readFileSync('README.md', 'utf8');
    assert.deepEqual(
      SETTINGS.filter((name) => !readme.includes(`| \`${name}\` |`)),
      [],
      'each setting has a row in the README',
    );
  });

  test('bad configuration and unknown commands fail clearly', () => {
    const port = parley(['migrate'], { PORT: 'eighty' });
    assert.equal(port.code, 2);
    assert.match(port.err, /PORT: .*number/);
    const url = parley(['migrate'], { DATABASE_URL: 'mysql://nope' });
    assert.match(url.err, /DATABASE_URL: must be a postgres/);
    const proxies = parley(['migrate'], { TRUSTED_PROXIES: 'loopback, not-an-address' });
    assert.equal(proxies.code, 2);
    assert.match(proxies.err, /TRUSTED_PROXIES: expected addresses, CIDR ranges/);
    // A backend that cannot be reached at start is one line naming its setting and why: no stack trace, no password.
    // (On Node 20 oidc-provider prints its own runtime warning when loaded; that line is not ours.)
    const ours = (stderr: string) => stderr.replace(/^oidc-provider WARNING.*\n/m, '');
    const database = parley(['serve'], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/test' });
    assert.equal(database.code, 2);
    assert.equal(ours(database.err).trim().split('\n').length, 1, database.err);
    assert.match(
      ours(database.err),
      /^parley: DATABASE_URL: cannot use postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/test: connect ECONNREFUSED 127\.0\.0\.1:1\n$/,
    );
    const redis = parley(['serve'], { REDIS_URL: 'redis://127.0.0.1:1', PORT: '0' });
    assert.equal(redis.code, 2);
    assert.equal(ours(redis.err).trim().split('\n').length, 1, redis.err);
    assert.match(ours(redis.err), /^parley: REDIS_URL: cannot use redis:\/\/127\.0\.0\.1:1: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
    // Mistyped flags and help after a subcommand: usage, never a stack trace; --version answers.
    for (const args of [
      ['keys', 'create', '--acount', 'x'],
      ['demo', '--scale'],
      ['limits', 'show', '--account', 'x', '--bogus'],
    ]) {
      const typo = parley(args);
      assert.equal(typo.code, 2, args.join(' '));
      assert.match(typo.err, /^parley: .*\n\nUsage: parley/);
      assert.doesNotMatch(typo.err, /\n\s+at /, 'no stack trace');
    }
    for (const args of [['keys', '--help'], ['demo', '-h'], ['--help']]) {
      const help = parley(args);
      assert.equal(help.code, 0, args.join(' '));
      assert.match(help.out, /^Usage: parley/);
    }
    const version = parley(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.out.trim(), (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version);
    // Commands that serve nothing do not load the authorization server (nor its Node 20 runtime warning).
    assert.doesNotMatch(parley(['keys', 'list']).err, /oidc-provider/);
    const unknown = parley(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown command "frobnicate"/);
  });
});
