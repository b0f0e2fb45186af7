import type { Queryable } from './database.ts';

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and PostgreSQL unpacks them,
 * which is fast on both engines and needs no per-row placeholders. The columns are every key any row has; a row
 * without one of them gets null there, not the column's default.
 */
export async function insertRows(db: Queryable, table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  for (const name of [table, ...columns]) {
    if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  }
  const list = columns.join(', ');
  await db.query(`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, $1::json)`, [
    JSON.stringify(rows),
  ]);
}
