import type { Queryable } from './database.ts';

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts many rows in one statement per shape: the rows travel as one JSON parameter and PostgreSQL unpacks them,
 * which is fast on both engines and needs no per-row placeholders. Rows with other keys go in their own statement, so
 * a column a row leaves out gets its default.
 */
export async function insertRows(db: Queryable, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const shapes = new Map<string, Array<Record<string, unknown>>>();
  for (const row of rows) {
    const shape = Object.keys(row).join(',');
    const group = shapes.get(shape);
    if (group) group.push(row);
    else shapes.set(shape, [row]);
  }
  for (const [shape, group] of shapes) {
    const columns = shape.split(',');
    for (const name of [table, ...columns]) {
      if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
    }
    const list = columns.join(', ');
    await db.query(`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1::json)`, [
      JSON.stringify(group),
    ]);
  }
}

/** The PostgreSQL types `unnestRows` sends columns as. */
export type ColumnType = 'text' | 'timestamptz' | 'jsonb';

/**
 * Rows as one array parameter per column, unpacked by `unnest`: `insert into t (<columns>) <select> on conflict ...`.
 * Typed arrays travel and unpack about ten times faster than a JSON record set, which matters on the ingest path.
 * A column with one value in every row (a batch's workspace, its instant, the nulls of what no event said) travels
 * once, as a scalar: on the ingest path most columns are such, and every element sent is encoded, written to the
 * socket and parsed again. A column with few distinct values (a batch's visitors, pages, event names) travels as those
 * values and each row's number among them, looked up on arrival: a quarter of the text or less to encode, write to the
 * socket and parse (`recordEvents` of a batch of 500 of a site's traffic: 2.5 ms of Parley's CPU instead of 3.0).
 * Column names are trusted (the caller's own); values of jsonb columns are sent as JSON text.
 */
export function unnestRows<C extends string>(
  columns: Record<C, ColumnType>,
  rows: ReadonlyArray<Record<C, unknown>>,
): { columns: string; select: string; params: unknown[] } {
  const names = Object.keys(columns) as C[];
  for (const name of names) if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  const single = names.filter((name) => columns[name] !== 'jsonb' && rows.length > 1 && oneValue(rows, name));
  // Some column must vary to give the rows their number (unique ids always do); else every column is an array.
  const scalar = new Set(single.length < names.length ? single : []);
  const params: unknown[] = [];
  const arrays: string[] = [];
  const dictionaries = new Map<string, string>();
  const unpacked = names.filter((name) => !scalar.has(name));
  for (const name of unpacked) {
    // A jsonb column travels as one JSON array, parsed once, rather than as an array of JSON texts, each escaped here
    // and unescaped there.
    if (columns[name] === 'jsonb') {
      params.push(JSON.stringify(rows.map((row) => row[name] ?? null)));
      arrays.push(`array(select e from jsonb_array_elements($${params.length}::jsonb) with ordinality as t(e, n) order by n)`);
    } else {
      const values = rows.map((row) => row[name]);
      const dictionary = fewDistinct(values);
      if (dictionary) {
        params.push(arrayLiteral([...dictionary.keys()]));
        dictionaries.set(name, `($${params.length}::${columns[name]}[])[u.${name}]`);
        params.push(`{${values.map((value) => dictionary.get(value ?? null)).join(',')}}`);
        arrays.push(`$${params.length}::int[]`);
      } else {
        params.push(arrayLiteral(values));
        arrays.push(`$${params.length}::${columns[name]}[]`);
      }
    }
  }
  const selected = names.map((name) => {
    const looked = dictionaries.get(name);
    if (looked) return `${looked} as ${name}`;
    if (!scalar.has(name)) return `u.${name}`;
    params.push(rows[0]![name] ?? null);
    return `$${params.length}::${columns[name]} as ${name}`;
  });
  return {
    columns: names.join(', '),
    select: `select ${selected.join(', ')} from unnest(${arrays.join(', ')}) as u (${unpacked.join(', ')})`,
    params,
  };
}

/**
 * A column's distinct values numbered from 1, when they are at most a quarter of its rows (a batch's visitors, pages
 * and event names); else undefined, found out as soon as there are too many.
 */
function fewDistinct(values: readonly unknown[]): Map<unknown, number> | undefined {
  if (values.length === 0) return undefined;
  const seen = new Map<unknown, number>();
  for (const value of values) {
    const key = value ?? null;
    if (!seen.has(key)) {
      if ((seen.size + 1) * 4 > values.length) return undefined;
      seen.set(key, seen.size + 1);
    }
  }
  return seen;
}

/** Whether every row holds the same value in `name` (nulls and undefined alike). */
function oneValue<C extends string>(rows: ReadonlyArray<Record<C, unknown>>, name: C): boolean {
  const first = rows[0]![name] ?? null;
  return rows.every((row) => (row[name] ?? null) === first);
}

const NEEDS_ESCAPE = /[\\"]/;

/**
 * A PostgreSQL array literal of strings (or values whose text is theirs, such as numbers) and nulls. pg would build
 * the same, escaping every element with two regular expressions; on the ingest path most columns have no null and
 * nothing to escape, which one search over the whole column tells, and are joined at once.
 */
function arrayLiteral(values: readonly unknown[]): string {
  const texts = values.map((value) => (value === null || value === undefined ? null : String(value)));
  const escaping = NEEDS_ESCAPE.test(texts.join(''));
  if (!escaping && texts.length > 0 && !texts.includes(null)) return `{"${texts.join('","')}"}`;
  const parts = texts.map((text) => {
    if (text === null) return 'NULL';
    return escaping && NEEDS_ESCAPE.test(text) ? `"${text.replace(/[\\"]/g, '\\$&')}"` : `"${text}"`;
  });
  return `{${parts.join(',')}}`;
}
