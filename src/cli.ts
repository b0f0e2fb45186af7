#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KEY_KINDS, type KeyKind } from './keys/api-keys.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { DirectoryLockedError } from './db/lock.ts';
import { migrate } from './db/migrate.ts';
import { rateLimitsFrom } from './domain/tenancy/principal.ts';
import { createApiKey, CREDENTIALS_CHANNEL, CredentialError, revokeApiKey } from './domain/credentials/commands.ts';
import { listApiKeys } from './domain/credentials/queries.ts';
import type { DemoAccess } from './demo/load.ts';
import type { DemoProgress } from './demo/generate/index.ts';
import { loadDemo } from './demo/load.ts';
import { keySnippets, oauthSnippets, type ClientSnippet } from './connect/snippets.ts';
import { createLogger } from './log.ts';
import { VERSION } from './version.ts';

const USAGE = `Usage: parley <command>   (parley --version prints the version)

Commands:
  serve                      Start the server (on the embedded database, an empty one gets demo data and keys; DEMO_DATA=on|off)
  demo [--scale N] [--seed N]  Load the demo tenants (if absent) and print a fresh API key for each
  migrate                    Apply pending database migrations
  keys create --account <id|slug> --kind <${Object.keys(KEY_KINDS).join('|')}> [--workspace <id|slug>] [--name <text>]
  keys list [--account <id|slug>]
  keys revoke <key id>
  limits set --account <id|slug> [--per-minute N] [--per-hour N] [--per-day N]   (omitted windows keep the default)
  limits show --account <id|slug>

Settings come from the environment and from ./.env (the environment wins); .env.example lists them all.`;

class UsageError extends Error {}

/** Settings from ./.env fill in what the environment leaves unset (the environment wins, as with node --env-file). */
function loadDotEnv(): void {
  if (!existsSync('.env')) return;
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    throw new ConfigError(`.env: cannot read it: ${(error as Error).message}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (argv.includes('--help') || argv.includes('-h')) return void console.log(USAGE);
  if (command === '--version' || command === '-v' || command === 'version') return void console.log(VERSION);
  loadDotEnv();
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serveCommand(config);
    case 'demo': {
      const { values } = parseArgs({ args: rest, options: { scale: { type: 'string' }, seed: { type: 'string' } } });
      const scale = values.scale === undefined ? 1 : Number(values.scale);
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (!(scale > 0 && scale <= 1000)) throw new UsageError('--scale must be a number above 0 (at most 1000).');
      if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer.');
      return withDatabase(config, 'parley demo', async (db) => {
        const started = Date.now();
        const { created, ...access } = await loadDemo(db, {
          scale,
          ...(seed !== undefined && { seed }),
          onProgress: progressLine(started),
        });
        console.log(
          created
            ? `Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`
            : 'Demo data was already there; here are fresh keys for it.',
        );
        printDemoAccess(access, config);
      });
    }
    case 'migrate':
      return withDatabase(config, 'parley migrate', async (db) => {
        const applied = await migrate(db);
        console.log(applied.length ? `Applied migrations ${applied.join(', ')}.` : 'The database is up to date.');
      });
    case 'keys':
      return keysCommand(config, rest);
    case 'limits':
      return limitsCommand(config, rest);
    case undefined:
    case 'help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function serveCommand(config: Config): Promise<void> {
  // Loaded only to serve: the other commands need neither the HTTP stack nor the authorization server.
  const { startServer } = await import('./server.ts');
  const log = createLogger(config.logLevel);
  const started = Date.now();
  const server = await startServer(config, log);
  console.log(
    `Parley is listening on ${server.url} (ready in ${Date.now() - started} ms, ${server.db.engine === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  );
  console.log(`  MCP endpoint:  ${config.publicUrl}/mcp`);
  console.log(`  REST API:      ${config.publicUrl}/api/v1   (reference: ${config.publicUrl}/docs)`);
  if (server.demo) {
    console.log('\nThe database was empty, so demo data was loaded.');
    printDemoAccess(server.demo, config);
  } else {
    console.log(`\nDashboard: ${config.publicUrl}/ (on a new database, the first person to open it signs up and owns the account).`);
    console.log('Connect a client by URL alone (it signs in there):');
    printSnippets(oauthSnippets(`${config.publicUrl}/mcp`));
    console.log("Need a key? Create one in the dashboard (it shows each client's snippet), or run `parley keys create`;");
    console.log('`parley demo` loads demo tenants (stop the server first on the embedded database).');
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** A progress line on stderr (stdout stays for the keys), at most every two seconds. */
/** A progress bar on stderr every two seconds: the share done, the rows written, and the time left at this pace. */
function progressLine(started: number): (progress: DemoProgress) => void {
  let shown = 0;
  return ({ rows, done }) => {
    if (Date.now() - shown < 2000) return;
    shown = Date.now();
    const elapsed = (shown - started) / 1000;
    const filled = Math.round(done * 30);
    const left = done > 0.01 ? `, about ${Math.round((elapsed * (1 - done)) / done)} s left` : '';
    process.stderr.write(
      `Loading demo data [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.floor(done * 100)}%: ${rows.toLocaleString('en-US')} rows in ${Math.round(elapsed)} s${left}\n`,
    );
  };
}

function printDemoAccess({ keys, invitation }: DemoAccess, config: Config): void {
  console.log('\nAPI keys (shown once; store them now):');
  for (const key of keys)
    console.log(`  ${key.account.padEnd(16)} ${(key.workspace ?? 'all workspaces').padEnd(18)} ${key.kind.padEnd(10)} ${key.secret}`);
  console.log(`\nConnect a client with ${keys[0]?.account ?? 'the first'}'s key:`);
  printSnippets(keySnippets(`${config.publicUrl}/mcp`, keys[0]?.secret ?? '<key>'));
  console.log(
    `\nOr connect by URL alone (OAuth): first join ${keys[0]?.account ?? 'the demo account'} in the dashboard with this one-time link,`,
  );
  console.log(`  ${config.publicUrl}/invite/${invitation}`);
  console.log('then:');
  printSnippets(oauthSnippets(`${config.publicUrl}/mcp`));
}

function printSnippets(snippets: ClientSnippet[]): void {
  for (const { client, where, text } of snippets) console.log(`  ${client} (${where}):\n    ${text}`);
}

async function keysCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { account: { type: 'string' }, workspace: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
  });
  await withDatabase(config, `parley keys ${action ?? ''}`.trim(), async (db) => {
    if (action === 'create') {
      if (!values.account) throw new UsageError('keys create needs --account <id|slug>.');
      if (!values.kind || !(values.kind in KEY_KINDS))
        throw new UsageError(`keys create needs --kind ${Object.keys(KEY_KINDS).join('|')}.`);
      const accountId = await resolveAccount(db, values.account);
      const workspaceId = values.workspace ? await resolveWorkspace(db, accountId, values.workspace) : null;
      const key = await createApiKey(db, {
        accountId,
        workspaceId,
        kind: values.kind as KeyKind,
        name: values.name ?? `${values.kind} key`,
      });
      console.log(`Created ${key.kind} key ${key.id} (shown once):\n${key.secret}`);
    } else if (action === 'list') {
      const keys = await listApiKeys(db, values.account ? await resolveAccount(db, values.account) : undefined);
      for (const k of keys) {
        console.log(
          [
            k.id,
            `${k.prefix}…`,
            k.kind,
            k.workspace_id ?? 'all workspaces',
            k.name,
            `created ${k.created_at}`,
            k.last_used_at ? `used ${k.last_used_at}` : 'never used',
            k.revoked_at ? `REVOKED ${k.revoked_at}` : 'active',
          ].join('  '),
        );
      }
      if (keys.length === 0) console.log('No keys.');
    } else if (action === 'revoke') {
      const id = positionals[0];
      if (!id) throw new UsageError('keys revoke needs a key id (see `parley keys list`).');
      if (!(await revokeApiKey(db, id))) throw new UsageError(`No active key ${id}.`);
      console.log(`Revoked ${id}.`);
    } else {
      throw new UsageError('keys takes create, list or revoke.');
    }
  });
}

async function limitsCommand(config: Config, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      account: { type: 'string' },
      'per-minute': { type: 'string' },
      'per-hour': { type: 'string' },
      'per-day': { type: 'string' },
    },
  });
  if (!values.account) throw new UsageError(`limits ${action ?? ''} needs --account <id|slug>.`);
  await withDatabase(config, `parley limits ${action ?? ''}`.trim(), async (db) => {
    const accountId = await resolveAccount(db, values.account!);
    if (action === 'set') {
      const limits: Record<string, number> = {};
      for (const window of ['minute', 'hour', 'day'] as const) {
        const value = values[`per-${window}`];
        if (value === undefined) continue;
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(`--per-${window} must be a whole number of calls, 1 or more.`);
        limits[`per_${window}`] = n;
      }
      await db.query('update accounts set rate_limits = $2 where id = $1', [accountId, Object.keys(limits).length ? limits : null]);
      // Running servers cache credentials with their limits: tell them.
      await db.notify(CREDENTIALS_CHANNEL, accountId);
    } else if (action !== 'show') {
      throw new UsageError('limits takes set or show.');
    }
    const [row] = await db.query<{ rate_limits: Record<string, number> | null }>('select rate_limits from accounts where id = $1', [
      accountId,
    ]);
    const effective = rateLimitsFrom(row?.rate_limits);
    console.log(
      `Rate limits per credential for ${values.account}: ${effective.perMinute}/minute, ${effective.perHour}/hour, ${effective.perDay}/day.`,
    );
  });
}

async function resolveAccount(db: Database, idOrSlug: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from accounts where id = $1 or slug = $1', [idOrSlug]);
  if (!row) throw new UsageError(`No account "${idOrSlug}".`);
  return row.id;
}

async function resolveWorkspace(db: Database, accountId: string, idOrSlug: string): Promise<string> {
  const [row] = await db.query<{ id: string }>('select id from workspaces where account_id = $1 and (id = $2 or slug = $2)', [
    accountId,
    idOrSlug,
  ]);
  if (!row) throw new UsageError(`No workspace "${idOrSlug}" in that account.`);
  return row.id;
}

async function withDatabase(config: Config, command: string, work: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command,
    embeddedSharedBuffers: config.embeddedSharedBuffers,
  });
  try {
    await migrate(db);
    await work(db);
  } finally {
    await db.close();
  }
}

/** node:util's parseArgs refuses an unknown or malformed flag with one of these codes: the caller's mistake. */
const isFlagError = (error: unknown) => /^ERR_PARSE_ARGS_/.test(String((error as { code?: unknown }).code));

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof DirectoryLockedError ||
    error instanceof CredentialError ||
    isFlagError(error)
  ) {
    console.error(`parley: ${(error as Error).message}`);
    if (error instanceof UsageError || isFlagError(error)) console.error(`\n${USAGE}`);
    process.exit(2);
  }
  console.error('parley: unexpected error:', error);
  process.exit(1);
});
