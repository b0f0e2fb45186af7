import type { Queryable } from './database.ts';

/**
 * Refreshes the planner's statistics for Parley's own tables, those of the current schema. A bare `analyze` would
 * take every table of a shared database, other applications' too, and wait on (or deadlock with) their locks.
 */
export async function analyzeOwnTables(db: Queryable): Promise<void> {
  const tables = await db.query<{ name: string }>(
    "select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = current_schema()",
  );
  if (tables.length > 0) await db.query(`analyze ${tables.map((t) => t.name).join(', ')}`);
}
