import type { Logger } from '../log.ts';
import type { Database } from './database.ts';

const ANALYZE_EVERY_MS = 60 * 60_000;

/**
 * PGlite runs no autovacuum, so without this the planner never learns table sizes and picks plans that rescan
 * indexes per row (a text search took 33 s instead of 0.2 s on a million events). On the embedded engine, refresh
 * statistics shortly after start and then hourly; a PostgreSQL server does this itself.
 */
export function startMaintenance(db: Database, log: Logger): () => void {
  if (db.engine !== 'embedded') return () => undefined;
  const analyze = () => {
    const started = performance.now();
    db.query('analyze')
      .then(() => log.debug({ ms: Math.round(performance.now() - started) }, 'statistics refreshed'))
      .catch((err) => log.warn({ err }, 'could not refresh statistics'));
  };
  const first = setTimeout(analyze, 1000);
  const every = setInterval(analyze, ANALYZE_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
