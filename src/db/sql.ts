import type { Queryable } from './database.ts';

/** Builds a parameterised WHERE clause: values always travel as $n parameters, never spliced into SQL. */
export class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** Adds a value and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a condition built from placeholders, e.g. `c.add(`x = ${c.param(v)}`)`. */
  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** Adds a condition only when the value is given. */
  addIf<T>(value: T | undefined | null, build: (placeholder: string) => string): this {
    if (value !== undefined && value !== null) this.add(build(this.param(value)));
    return this;
  }

  /** `limit/offset` placeholders after the conditions' own, and the parameters for both together. */
  paged(page: { limit: number; offset: number }): { clause: string; params: unknown[] } {
    const n = this.params.length;
    return { clause: `limit $${n + 1} offset $${n + 2}`, params: [...this.params, page.limit, page.offset] };
  }

  toString(): string {
    return this.clauses.length > 0 ? `where ${this.clauses.join(' and ')}` : '';
  }
}

/**
 * Counts the rows a paged query matched, for the case where the page is past the end and the window
 * count (`count(*) over ()`) came back with no row to carry it. `from` is trusted SQL, never user input.
 */
async function countRows(db: Queryable, from: string, where: Conditions): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*) as n from ${from} ${where}`, where.params);
  return row?.n ?? 0;
}

/** A listing: what to select from where, in which order. `from`, `columns` and `orderBy` are trusted SQL. */
export interface Listing {
  columns: string;
  from: string;
  where: Conditions;
  orderBy: string;
  /**
   * Wraps the page's query, to add per-row work done only for the rows of the page: given the query as `p`'s
   * definition, returns the statement, e.g. `with p as (${page}) select p.*, … from p order by …`.
   */
  around?: (page: string) => string;
}

/**
 * One page of a listing and the total it matched: the total rides on each row (`count(*) over ()`); past the end,
 * where no row carries it, it is counted apart.
 */
export async function selectPage<T extends object>(
  db: Queryable,
  listing: Listing,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: T[] }> {
  const { columns, from, where, orderBy, around } = listing;
  const paged = where.paged(page);
  const query = `select ${columns}, count(*) over () as total from ${from} ${where} order by ${orderBy} ${paged.clause}`;
  const rows = await db.query<T & { total: number }>(around ? around(query) : query, paged.params);
  const total = rows[0]?.total ?? (page.offset > 0 ? await countRows(db, from, where) : 0);
  return { total, items: rows.map(({ total: _total, ...row }) => row as unknown as T) };
}

/** Escapes LIKE wildcards so user text matches literally, for `ilike '%' || $n || '%'`. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** An excerpt of `text` around the words of `tsquery`, the hits marked **like this**. Both are trusted SQL. */
export function headline(text: string, tsquery: string): string {
  return `ts_headline('english', ${text}, ${tsquery}, 'MaxFragments=1, MaxWords=30, MinWords=10, StartSel=**, StopSel=**')`;
}

/**
 * The excerpt of the best matching message of a parent row `p`: from `table` (rows with `body` and `search`) whose
 * `parentColumn` is `p.id`, the one ranking highest for `tsquery` (the earliest of equals). All trusted SQL.
 */
export function bestMatchExcerpt(table: string, parentColumn: string, tsquery: string): string {
  return `(select ${headline('m.body', tsquery)} from ${table} m where m.${parentColumn} = p.id and m.search @@ ${tsquery}
    order by ts_rank(m.search, ${tsquery}) desc, m.created_at limit 1)`;
}

/**
 * Holds a named lock until the transaction ends, on any number of Parley instances: writes that check, then act
 * (is this path free? was this sent already?) run one after the other for the same key.
 */
export async function holdLock(db: Queryable, key: string): Promise<void> {
  await db.query('select pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** One row's `update ... set`, built from the columns a write gives (their names trusted: the caller's own lists). */
export class RowUpdate {
  private readonly params: unknown[];
  private readonly sets: string[] = [];

  constructor(
    private readonly table: string,
    id: string,
  ) {
    this.params = [id];
  }

  /** Sets `column` to `value`, or to an expression of it; an undefined value leaves the column as it is. */
  set(column: string, value: unknown, expression: (param: string) => string = (param) => param): this {
    if (value === undefined) return this;
    this.params.push(value);
    this.sets.push(`${column} = ${expression(`$${this.params.length}`)}`);
    return this;
  }

  /** Sets each column of `values` as `set` does. */
  setAll(values: Record<string, unknown>): this {
    for (const [column, value] of Object.entries(values)) this.set(column, value);
    return this;
  }

  /** Runs the update with `also` (what every change of the row sets), unless no column was set. */
  async run(db: Queryable, also = 'updated_at = now()'): Promise<void> {
    if (this.sets.length === 0) return;
    await db.query(`update ${this.table} set ${[...this.sets, also].join(', ')} where id = $1`, this.params);
  }
}
