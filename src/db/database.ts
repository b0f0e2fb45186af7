import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { Availability, failureReason, redactUrl, ServiceUnavailableError } from '../availability.ts';
import { ConfigError } from '../config.ts';
import type { Logger } from '../log.ts';
import { isConnectionFailure, isTransactionConflict } from './connection-errors.ts';
import { NotificationListener } from './notifications.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded.ts';

// Counts and sums come back as int8/numeric; every value Parley counts fits a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// Instants leave the database as ISO-8601 UTC strings, the form every API surface returns.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());

/** Anything that runs SQL: the database itself or a transaction on it. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly engine: 'embedded' | 'postgres';
  /** Runs `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one connection, outside any transaction: for session-level locks and statements PostgreSQL refuses
   * in a transaction block. Keep it short on the embedded engine, whose one connection it holds.
   */
  session<T>(work: (conn: Queryable) => Promise<T>): Promise<T>;
  /** Tells every process using this database (PostgreSQL NOTIFY; in-process on the single-process embedded engine). */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `listener` for each notification on the channel, from this process or any other. */
  listen(channel: string, listener: (payload: string) => void): void;
  /** The connection pool right now, for metrics. */
  poolState(): PoolState;
  close(): Promise<void>;
}

export interface PoolState {
  open: number;
  idle: number;
  waiting: number;
}

/** Runs `work` in a transaction on a connection already held (see Database.session). */
export async function inTransaction<T>(conn: Queryable, work: (tx: Queryable) => Promise<T>): Promise<T> {
  await conn.query('begin');
  try {
    const result = await work(conn);
    await conn.query('commit');
    return result;
  } catch (error) {
    await conn.query('rollback').catch(() => undefined);
    throw error;
  }
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Names this process in the embedded database's lock, for the error a second process gets. */
  command: string;
  /** Connection pool size on a PostgreSQL server. */
  poolSize?: number;
  /**
   * Milliseconds an unused connection stays open. Defaults: 10 s on a PostgreSQL server (it frees a backend); never
   * on the embedded engine, whose one connection holds nothing worth freeing.
   */
  idleTimeoutMs?: number | undefined;
  /** Where outages and recoveries are logged (once each); commands that print their own errors pass none. */
  log?: Logger;
  /** The embedded engine's page cache (PostgreSQL's shared_buffers); default EMBEDDED_SHARED_BUFFERS. */
  embeddedSharedBuffers?: string | undefined;
}

/**
 * PGlite's page cache. Its memory is taken at start and kept, so it is most of what an idle embedded server holds:
 * 16 MB instead of PostgreSQL's 128 MB leaves the server at rest under 300 MB, and the demo-scale reads within 10% of
 * their time (bench/embedded-memory.ts); the operating system caches the data files besides.
 */
export const EMBEDDED_SHARED_BUFFERS = '16MB';

/** How long a request waits for a connection before the database counts as unavailable. */
const CONNECT_TIMEOUT_MS = 5_000;

/** How many times in all a transaction runs when PostgreSQL keeps rolling it back to settle conflicts. */
const CONFLICT_ATTEMPTS = 3;

/**
 * A pg client heard from the moment it is made: a backend can end at any step of a connection's life (while the pool
 * is still connecting it, idle, or lent out with no query to take the error), and an 'error' event nobody hears would
 * end the process. Queries in flight still fail on their own, and the pool still drops the dead connection.
 */
class HeardClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const availability = new Availability('database', options.log, 'requests answer 503 / "retry" until it returns');
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      Client: HeardClient,
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
    });
    try {
      await pool.query('select 1'); // fail at start, not at the first request, when the server is unreachable
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new ConfigError(`DATABASE_URL: cannot use ${redactUrl(options.databaseUrl)}: ${failureReason(error)}`);
    }
    return new PoolDatabase('postgres', pool, availability, undefined, options.databaseUrl);
  }
  const embedded = await startEmbeddedServer(options.dataDir, options.command, options.embeddedSharedBuffers ?? EMBEDDED_SHARED_BUFFERS);
  // PGlite is one session: a single connection keeps transactions from interleaving.
  const pool = new pg.Pool({
    Client: HeardClient,
    host: embedded.socketDir,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: options.idleTimeoutMs ?? 0,
  });
  // A new connection reaches the same PGlite session as the one before it, which still holds the statements that
  // connection prepared: the new client knows none of them and would collide with every name. Start it clean.
  pool.on('connect', (client) => void client.query('deallocate all').catch(() => undefined));
  return new PoolDatabase('embedded', pool, availability, embedded);
}

/**
 * Statements are prepared once per connection and reused: repeated SQL skips parsing and planning (on the
 * embedded engine's single connection this halves a point lookup). Statement texts are Parley's own SQL
 * shapes (values always travel as parameters), so their number is bounded.
 */
const statementNames = new Map<string, string>();
function statementName(sql: string): string | undefined {
  if (!sql.includes('$1') || sql.includes(';')) return undefined; // one parameterised statement only
  let name = statementNames.get(sql);
  if (!name) {
    name = `p${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}

type RunStatement = (text: string, values?: readonly unknown[], name?: string) => Promise<pg.QueryResult>;

/**
 * Statements that leave the database as it was, so one that met a dead connection can be sent again on another: reads
 * (`with` only when no part of it writes; a word that merely looks like a write makes it a write, which is safe) and
 * a transaction's `begin`.
 */
function changesNothing(sql: string): boolean {
  if (/^\s*(select|begin|values|show)\b/i.test(sql)) return true;
  return /^\s*with\b/i.test(sql) && !/\b(insert|update|delete|merge)\b/i.test(sql);
}

class PoolDatabase implements Database {
  private readonly local = new EventEmitter();
  /** Connections lent before: only these can have gone stale in the pool. */
  private readonly lent = new WeakSet<pg.PoolClient>();
  private listener: NotificationListener | undefined;

  constructor(
    readonly engine: 'embedded' | 'postgres',
    private readonly pool: pg.Pool,
    private readonly availability: Availability,
    private readonly embedded?: EmbeddedServer,
    private readonly connectionString?: string,
  ) {
    // A connection lost while idle (the pool's event) or at any other time (HeardClient's) must not crash the process.
    // Neither is an outage by itself: the pool replaces an idle connection, and a query in flight fails on its own and
    // is reported below. (A terminated idle backend announces itself late, often after new connections work again.)
    pool.on('error', () => undefined);
  }

  async notify(channel: string, payload: string): Promise<void> {
    if (this.engine === 'embedded') this.local.emit(channel, payload);
    else await this.query('select pg_notify($1, $2)', [channel, payload]);
  }

  listen(channel: string, listener: (payload: string) => void): void {
    this.local.on(channel, listener);
    if (this.engine === 'postgres') {
      this.listener ??= new NotificationListener(this.connectionString!, (ch, payload) => this.local.emit(ch, payload));
      this.listener.add(channel);
    }
  }

  async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.session((conn) => conn.query<T>(sql, params));
  }

  /**
   * A transaction PostgreSQL rolls back to break a deadlock (or a serialization failure) runs again, up to
   * CONFLICT_ATTEMPTS times in all: what it did was undone, and the caller should get its answer, not an error. Work
   * given to a transaction touches nothing but the database, so running it twice is safe.
   */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.session((conn) => inTransaction(conn, work));
      } catch (error) {
        if (attempt >= CONFLICT_ATTEMPTS || !isTransactionConflict(error)) throw error;
      }
    }
  }

  async session<T>(work: (conn: Queryable) => Promise<T>): Promise<T> {
    return this.withClient((run) =>
      work({
        query: async <R extends object>(sql: string, params?: readonly unknown[]) =>
          (await run(sql, params, statementName(sql))).rows as R[],
      }),
    );
  }

  /**
   * Lends a connection to `work`. An error in the SQL leaves the connection fit for the next query, so it goes back
   * to the pool (pg's own `pool.query` would discard it, and on the embedded engine the replacement connection
   * raced the old one). Only a lost connection is discarded; that failure is reported as the database being
   * unavailable, and logged once per outage.
   *
   * A connection that sat in the pool can have lost its backend unnoticed (terminated, or the server restarted): the
   * pool lends it before its socket says so. A failure on such a connection's first statement is not counted as an
   * outage (a fresh connection tells whether the database is away). When that statement changes nothing (a read, a
   * `begin`), the work starts again on another connection and the caller never sees it; a write, which may have
   * been applied, is answered "unavailable, retry" as any lost connection is.
   */
  private async withClient<T>(work: (run: RunStatement) => Promise<T>): Promise<T> {
    const startedAt = performance.now();
    for (let retries = 0; ; retries++) {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
      } catch (error) {
        throw this.unavailable(error, startedAt);
      }
      const reused = this.lent.has(client);
      let statements = 0;
      let firstChangesNothing = false;
      const run: RunStatement = (text, values, name) => {
        if (statements++ === 0) firstChangesNothing = changesNothing(text);
        return client.query({ text, values: values as unknown[] | undefined, name });
      };
      try {
        const result = await work(run);
        this.lent.add(client);
        client.release();
        this.availability.succeeded();
        return result;
      } catch (error) {
        const lost = isConnectionFailure(error);
        client.release(lost ? (error as Error) : undefined);
        if (!lost) {
          this.lent.add(client);
          throw error;
        }
        if (reused && statements === 1) {
          // A stale connection is not an outage: the next fresh connection tells whether the database is away.
          if (firstChangesNothing && retries < (this.pool.options.max ?? 10)) continue;
          throw new ServiceUnavailableError('database', { cause: error });
        }
        throw this.unavailable(error, startedAt);
      }
    }
  }

  private unavailable(cause: unknown, startedAt: number): ServiceUnavailableError {
    this.availability.failed(cause, startedAt);
    return new ServiceUnavailableError('database', { cause });
  }

  poolState(): PoolState {
    return { open: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async close(): Promise<void> {
    await this.listener?.close();
    await this.pool.end();
    await this.embedded?.stop();
  }
}
