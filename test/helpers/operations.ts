// What a test beside an operation uses: the operation run through the real invoker, as principals resolved from the
// demo keys, on a copy of the demo data, on each engine; every success parsed with the operation's own output schema.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type * as z from 'zod';
import { Authenticator } from '../../src/auth/authenticate.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { createApiKey } from '../../src/domain/credentials/commands.ts';
import type { KeyKind } from '../../src/keys/api-keys.ts';
import type { Principal } from '../../src/domain/tenancy/principal.ts';
import { RateLimiter } from '../../src/limits/rate-limit.ts';
import { UsageRecorder } from '../../src/limits/usage.ts';
import { createLogger } from '../../src/log.ts';
import type { AnyOperation, Operation, Outcome, Truncation } from '../../src/operations/define.ts';
import { invoke, type Invoker } from '../../src/operations/invoke.ts';
import { testDatabase, type DemoKeys, type TestDatabase } from './demo.ts';
import { engines, type Engine } from './engines.ts';

type ObjectSchema = z.ZodObject<z.ZodRawShape>;
type Failure = Extract<Outcome, { ok: false }>['error'];

/** A demo database with the invoker over it; filled in by `describeOperation` before the tests run. */
export class OperationHarness {
  db!: Database;
  /** One principal per demo key: Northwind's account key and read-only key, and Bluebird's (another tenant). */
  as!: Record<keyof DemoKeys, Principal>;
  private database!: TestDatabase;
  private deps!: Invoker;

  constructor(readonly engine: Engine) {}

  async open(): Promise<void> {
    this.database = await testDatabase(this.engine, { demo: true });
    this.db = await openDatabase({ databaseUrl: this.database.databaseUrl, dataDir: this.database.dataDir, command: 'operation test' });
    this.deps = { rateLimiter: new RateLimiter(), usage: new UsageRecorder(this.db) };
    const authenticator = new Authenticator(this.db);
    const entries = await Promise.all(
      Object.entries(this.database.keys!).map(async ([name, secret]) => {
        const result = await authenticator.authenticate(secret);
        assert.ok(result.ok, `demo key ${name} authenticates`);
        return [name, result.principal] as const;
      }),
    );
    this.as = Object.fromEntries(entries) as Record<keyof DemoKeys, Principal>;
  }

  /** The PostgreSQL URL of this harness's database, on that engine. */
  get databaseUrl(): string | undefined {
    return this.database.databaseUrl;
  }

  async close(): Promise<void> {
    await this.db?.close();
    await this.database?.dispose();
  }

  /** The operation's outcome as any surface would get it. */
  outcome(op: AnyOperation, principal: Principal, input: unknown): Promise<Outcome> {
    return invoke(this.deps, op, { principal, surface: 'rest', db: this.db, requestId: 'test', log: QUIET }, input);
  }

  /**
   * Runs `work` with the invoker over a second connection pool to the same PostgreSQL database: what another Parley
   * instance would hold, for races between instances.
   */
  async withSecondInstance<T>(
    work: (outcome: (op: AnyOperation, principal: Principal, input: unknown) => Promise<Outcome>) => Promise<T>,
  ): Promise<T> {
    const other = await openDatabase({ databaseUrl: this.databaseUrl!, dataDir: '/tmp', command: 'second instance' });
    try {
      const deps = { rateLimiter: new RateLimiter(), usage: new UsageRecorder(other) };
      return await work((op, principal, input) =>
        invoke(deps, op, { principal, surface: 'rest', db: other, requestId: 'second-instance', log: QUIET }, input),
      );
    } finally {
      await other.close();
    }
  }

  /** Calls the operation, which must succeed; its output must parse with the operation's own output schema. */
  async call<O extends ObjectSchema>(
    op: Operation<ObjectSchema, O>,
    input: Record<string, unknown> = {},
    principal = this.as.northwind,
  ): Promise<z.output<O> & { truncated?: z.output<typeof Truncation> }> {
    const outcome = await this.outcome(op, principal, input);
    if (!outcome.ok) assert.fail(`${op.name} failed: ${JSON.stringify(outcome.error)}`);
    const parsed = op.output.safeParse(outcome.output);
    if (!parsed.success) assert.fail(`${op.name} answered outside its output schema: ${parsed.error.message}`);
    return parsed.data;
  }

  /** Calls the operation, which must fail with `code`; returns the error. */
  async refuse(op: AnyOperation, input: Record<string, unknown>, code: Failure['code'], principal = this.as.northwind): Promise<Failure> {
    const outcome = await this.outcome(op, principal, input);
    assert.ok(!outcome.ok, `${op.name} must refuse ${JSON.stringify(input)}`);
    assert.equal(outcome.error.code, code, outcome.error.message);
    return outcome.error;
  }

  /** SQL straight to the same database, to check answers against. */
  sql<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]> {
    return this.db.query<T>(text, params);
  }

  /** The first row of a query, which must exist. */
  async one<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T> {
    const [row] = await this.sql<T>(text, params);
    assert.ok(row, `no row for ${text}`);
    return row;
  }

  /** The principal of a new key of `kind` for one workspace (the demo keys are account-wide and read-only). */
  async keyFor(kind: KeyKind, workspaceId: string): Promise<Principal> {
    const [workspace] = await this.sql<{ account_id: string }>('select account_id from workspaces where id = $1', [workspaceId]);
    const key = await createApiKey(this.db, { accountId: workspace!.account_id, workspaceId, kind, name: `test ${kind} key` });
    const result = await new Authenticator(this.db).authenticate(key.secret);
    assert.ok(result.ok, `new ${kind} key authenticates`);
    return result.principal;
  }

  /** The ids of an account's workspaces, by the account's slug. */
  async workspaceIds(accountSlug: 'northwind' | 'bluebird'): Promise<string[]> {
    const rows = await this.sql<{ id: string }>(
      'select w.id from workspaces w join accounts a on a.id = w.account_id where a.slug = $1 order by w.created_at, w.id',
      [accountSlug],
    );
    return rows.map((row) => row.id);
  }
}

const QUIET = createLogger('silent');

/** Runs `body`'s tests once per engine, each time against a fresh copy of the demo data. */
export async function describeWithDemo(title: string, body: (h: OperationHarness) => void): Promise<void> {
  for (const engine of await engines()) {
    describe(`${title} on the ${engine.name} database`, () => {
      const harness = new OperationHarness(engine);
      before(() => harness.open());
      after(() => harness.close());
      body(harness);
    });
  }
}

/** The tests beside an operation: `body` once per engine, on a fresh copy of the demo data. */
export function describeOperation(op: AnyOperation, body: (h: OperationHarness) => void): Promise<void> {
  return describeWithDemo(op.name, body);
}

/** A calendar date `days` before today in `timeZone` (YYYY-MM-DD). */
export function daysAgo(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() - days * 86_400_000));
}
