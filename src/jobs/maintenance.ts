import { pruneKeys } from '../domain/idempotency/commands.ts';
import { pruneOAuthStore } from '../domain/oauth/commands.ts';
import type { Logger } from '../log.ts';
import type { Database } from '../db/database.ts';
import { analyzeOwnTables } from '../db/statistics.ts';

const HOURLY_MS = 60 * 60_000;

/**
 * Hourly upkeep, started with the server:
 * - the authorization server's expired codes, tokens and sessions, and client registrations never used (Claude's
 *   connector may register twice per connection attempt) are deleted;
 * - idempotency keys past their 48 hours are forgotten;
 * - PGlite runs no autovacuum, so without a refresh the planner never learns table sizes and picks plans that rescan
 *   indexes per row (a text search took 33 s instead of 0.2 s on a million events). On the embedded engine,
 *   statistics are refreshed shortly after start and then hourly; a PostgreSQL server does this itself.
 */
export function startMaintenance(db: Database, log: Logger): () => void {
  const run = (name: string, work: () => Promise<unknown>) => () => {
    const started = performance.now();
    work()
      .then((result) => log.debug({ result, ms: Math.round(performance.now() - started) }, `${name} done`))
      .catch((err) => log.warn({ err }, `${name} failed`));
  };
  const jobs = [run('OAuth store pruning', () => pruneOAuthStore(db)), run('idempotency key pruning', () => pruneKeys(db))];
  if (db.engine === 'embedded') jobs.push(run('statistics refresh', () => analyzeOwnTables(db)));
  const runAll = () => {
    for (const job of jobs) job();
  };
  const first = setTimeout(runAll, 1000);
  const every = setInterval(runAll, HOURLY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
