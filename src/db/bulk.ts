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
 * Column names are trusted (the caller's own); values of jsonb columns are sent as JSON text.
 */
export function unnestRows<C extends string>(
  columns: Record<C, ColumnType>,
  rows: ReadonlyArray<Record<C, unknown>>,
): { columns: string; select: string; params: unknown[] } {
  const names = Object.keys(columns) as C[];
  for (const name of names) if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  const params = names.map((name) =>
    columns[name] === 'jsonb' ? JSON.stringify(rows.map((row) => row[name] ?? null)) : arrayLiteral(rows.map((row) => row[name])),
  );
  // A jsonb column travels as one JSON array, parsed once, rather than as an array of JSON texts, each escaped here
  // and unescaped there.
  const unpacked = names.map((name, i) =>
    columns[name] === 'jsonb'
      ? `array(select e from jsonb_array_elements($${i + 1}::jsonb) with ordinality as t(e, n) order by n)`
      : `$${i + 1}::${columns[name]}[]`,
  );
  return { columns: names.join(', '), select: `select * from unnest(${unpacked.join(', ')})`, params };
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
