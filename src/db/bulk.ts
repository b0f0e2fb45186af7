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
  const params = names.map((name) => rows.map((row) => (columns[name] === 'jsonb' ? JSON.stringify(row[name]) : row[name])));
  return {
    columns: names.join(', '),
    select: `select * from unnest(${names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ')})`,
    params,
  };
}
