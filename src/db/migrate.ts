import { createHash } from 'node:crypto';
import { ConfigError } from '../config.ts';
import { inTransaction, type Database, type Queryable } from './database.ts';
import * as initial from './migrations/001-initial.ts';
import * as sessions from './migrations/002-sessions.ts';
import * as oauth from './migrations/003-oauth.ts';
import * as writes from './migrations/004-writes.ts';
import * as messages from './migrations/005-messages.ts';
import * as bookings from './migrations/006-bookings.ts';
import * as knowledge from './migrations/007-knowledge.ts';
import * as helpdesk from './migrations/008-helpdesk.ts';
import * as ticketWrites from './migrations/009-ticket-writes.ts';
import * as knowledgeWrites from './migrations/010-knowledge-writes.ts';
import * as skills from './migrations/011-skills.ts';
import * as ingest from './migrations/012-ingest.ts';
import * as eventHours from './migrations/013-event-hours.ts';
import * as visitorHours from './migrations/014-visitor-hours.ts';
import * as eventsNameCovering from './migrations/015-events-name-covering.ts';
import * as visitorNumbers from './migrations/016-visitor-numbers.ts';
import * as eventsWithoutForeignKeys from './migrations/017-events-without-foreign-keys.ts';
import * as trafficSignals from './migrations/018-traffic-signals.ts';
import * as visitorsHotUpdates from './migrations/019-visitors-hot-updates.ts';
import * as ingestKeys from './migrations/020-ingest-keys.ts';
import * as oneRollupTrigger from './migrations/021-one-rollup-trigger.ts';

/**
 * One schema change. Most run in a transaction (`sql`, any number of statements): all or nothing. A change that
 * PostgreSQL refuses inside a transaction block, such as `create index concurrently` on a big table, lists its
 * statements one by one under `withoutTransaction`; each must be safe to run again (`if not exists`), since a
 * failure part-way leaves the earlier ones applied and the migration is retried whole.
 */
export type Migration = { version: number; name: string } & ({ sql: string } | { withoutTransaction: readonly string[] });

/** Ordered; a migration is never edited once released (its checksum is checked), only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial.sql },
  { version: 2, name: 'sessions', sql: sessions.sql },
  { version: 3, name: 'oauth', sql: oauth.sql },
  { version: 4, name: 'writes', sql: writes.sql },
  { version: 5, name: 'messages', sql: messages.sql },
  { version: 6, name: 'bookings', sql: bookings.sql },
  { version: 7, name: 'knowledge', sql: knowledge.sql },
  { version: 8, name: 'helpdesk', sql: helpdesk.sql },
  { version: 9, name: 'ticket-writes', sql: ticketWrites.sql },
  { version: 10, name: 'knowledge-writes', sql: knowledgeWrites.sql },
  { version: 11, name: 'skills', sql: skills.sql },
  { version: 12, name: 'ingest', sql: ingest.sql },
  { version: 13, name: 'event-hours', sql: eventHours.sql },
  { version: 14, name: 'visitor-hours', sql: visitorHours.sql },
  { version: 15, name: 'events-name-covering', withoutTransaction: eventsNameCovering.statements },
  { version: 16, name: 'visitor-numbers', sql: visitorNumbers.sql },
  { version: 17, name: 'events-without-foreign-keys', sql: eventsWithoutForeignKeys.sql },
  { version: 18, name: 'traffic-signals', sql: trafficSignals.sql },
  { version: 19, name: 'visitors-hot-updates', sql: visitorsHotUpdates.sql },
  { version: 20, name: 'ingest-keys', sql: ingestKeys.sql },
  { version: 21, name: 'one-rollup-trigger', sql: oneRollupTrigger.sql },
];

export function checksum(migration: Migration): string {
  const text = 'sql' in migration ? migration.sql : migration.withoutTransaction.join('\n;\n');
  return createHash('sha256').update(text).digest('hex');
}

/** Any constant unique to Parley's migrations: instances starting together apply them one at a time. */
const MIGRATION_LOCK = 727274;

/**
 * Applies pending migrations and returns their versions. Refuses, before changing anything, a database that a newer
 * Parley has migrated (this code would misread its schema) and a released migration whose text has changed since it
 * was applied (the schema is no longer what the code was tested against).
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.session(async (conn) => {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await conn.query(
        'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
      );
      // Databases migrated before checksums were kept: their rows are taken as matching the released text.
      await conn.query('alter table schema_migrations add column if not exists checksum text');
      const applied = await conn.query<{ version: number; name: string; checksum: string | null }>(
        'select version, name, checksum from schema_migrations order by version',
      );
      checkApplied(applied, migrations);
      for (const row of applied.filter((r) => r.checksum === null)) {
        await conn.query('update schema_migrations set checksum = $2 where version = $1', [
          row.version,
          checksum(migrations.find((m) => m.version === row.version)!),
        ]);
      }

      const done = new Set(applied.map((row) => row.version));
      const versions: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        await apply(conn, migration);
        versions.push(migration.version);
      }
      return versions;
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

function checkApplied(
  applied: ReadonlyArray<{ version: number; name: string; checksum: string | null }>,
  migrations: readonly Migration[],
): void {
  const known = new Map(migrations.map((m) => [m.version, m]));
  const newest = migrations.at(-1)?.version ?? 0;
  const unknown = applied.filter((row) => !known.has(row.version));
  if (unknown.length > 0) {
    const latest = unknown.at(-1)!;
    throw new ConfigError(
      `The database was migrated by a newer Parley (migration ${latest.version}, "${latest.name}"); this one knows migrations up to ${newest}. Run the newer version, or restore a backup taken before the upgrade.`,
    );
  }
  for (const row of applied) {
    const migration = known.get(row.version)!;
    if (row.checksum !== null && row.checksum !== checksum(migration)) {
      throw new ConfigError(
        `Migration ${row.version} ("${row.name}") was changed after this database applied it: the schema may not be what this code expects. Restore the released migration; put schema changes in a new one.`,
      );
    }
  }
}

async function apply(conn: Queryable, migration: Migration): Promise<void> {
  const record = () =>
    conn.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
      migration.version,
      migration.name,
      checksum(migration),
    ]);
  if ('withoutTransaction' in migration) {
    for (const statement of migration.withoutTransaction) await conn.query(statement);
    await record();
    return;
  }
  await inTransaction(conn, async (tx) => {
    await tx.query(migration.sql);
    await record();
  });
}
