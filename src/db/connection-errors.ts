/**
 * Whether an error from the `pg` driver means the database could not be reached or the connection was lost (the
 * server restarted, a proxy cut it, a backend was terminated), as opposed to an error in the SQL itself. Only the
 * former makes a connection worth discarding, and a request worth retrying.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
]);
/** SQLSTATEs: admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up), too_many_connections. */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** The driver's own messages for a connection that ended or never came, which carry no code. */
const DRIVER_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/i;

export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
  return DRIVER_MESSAGES.test(error.message);
}

/**
 * SQLSTATEs of a transaction PostgreSQL rolled back to settle a conflict with another one: deadlock_detected (each held
 * a row the other wanted) and serialization_failure. Nothing of it remains, and run again it normally succeeds.
 */
const CONFLICT_STATES = new Set(['40P01', '40001']);

export function isTransactionConflict(error: unknown): boolean {
  return error instanceof Error && CONFLICT_STATES.has((error as { code?: unknown }).code as string);
}
