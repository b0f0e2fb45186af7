import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
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
  /** Tells every process using this database (PostgreSQL NOTIFY; in-process on the single-process embedded engine). */
  notify(channel: string, payload: string): Promise<void>;
  /** Calls `listener` for each notification on the channel, from this process or any other. */
  listen(channel: string, listener: (payload: string) => void): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Names this process in the embedded database's lock, for the error a second process gets. */
  command: string;
  /** Connection pool size on a PostgreSQL server. */
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    await pool.query('select 1'); // fail at start, not at the first request, when the server is unreachable
    return new PoolDatabase('postgres', pool, undefined, options.databaseUrl);
  }
  const embedded = await startEmbeddedServer(options.dataDir, options.command);
  // PGlite is one session: a single connection keeps transactions from interleaving.
  const pool = new pg.Pool({ host: embedded.socketDir, user: 'postgres', database: 'postgres', max: 1 });
  return new PoolDatabase('embedded', pool, embedded);
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

class PoolDatabase implements Database {
  private readonly local = new EventEmitter();
  private listener: NotificationListener | undefined;

  constructor(
    readonly engine: 'embedded' | 'postgres',
    private readonly pool: pg.Pool,
    private readonly embedded?: EmbeddedServer,
    private readonly connectionString?: string,
  ) {
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => undefined);
  }

  async notify(channel: string, payload: string): Promise<void> {
    if (this.engine === 'embedded') this.local.emit(channel, payload);
    else await this.pool.query('select pg_notify($1, $2)', [channel, payload]);
  }

  listen(channel: string, listener: (payload: string) => void): void {
    this.local.on(channel, listener);
    if (this.engine === 'postgres') {
      this.listener ??= new NotificationListener(this.connectionString!, (ch, payload) => this.local.emit(ch, payload));
      this.listener.add(channel);
    }
  }

  async query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query({ text: sql, values: params as unknown[] | undefined, name: statementName(sql) });
    return result.rows as T[];
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Queryable = {
      query: async <R extends object>(sql: string, params?: readonly unknown[]) =>
        (await client.query(sql, params as unknown[] | undefined)).rows as R[],
    };
    try {
      await client.query('begin');
      const result = await work(tx);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.listener?.close();
    await this.pool.end();
    await this.embedded?.stop();
  }
}
