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
