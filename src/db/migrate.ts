import type { Database } from './database.ts';
import * as initial from './migrations/001-initial.ts';
import * as sessions from './migrations/002-sessions.ts';
import * as oauth from './migrations/003-oauth.ts';

/** Ordered; a migration is never edited once released, only followed by a new one. */
const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  { version: 1, name: 'initial', sql: initial.sql },
  { version: 2, name: 'sessions', sql: sessions.sql },
  { version: 3, name: 'oauth', sql: oauth.sql },
];

/** Applies pending migrations; safe to run from several instances at once (an advisory lock serialises them). */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(727274)'); // any constant unique to Parley's migrations
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
