import type { Logger } from './log.ts';

export type Backend = 'database' | 'redis';

/** Seconds a caller is told to wait when a backend is away: long enough for a failover or a restart to finish. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A backend Parley depends on could not be reached (a lost connection, a server restarting). Not the caller's fault,
 * and not a bug: every surface answers it as "unavailable, retry shortly" (REST 503 with Retry-After, an MCP tool
 * error saying to retry), and it is logged once per outage, not once per request.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly backend: Backend,
    options?: { cause?: unknown },
  ) {
    super(`The ${backend} is unavailable right now; retry in a few seconds.`, options);
  }
}

/**
 * Follows whether a backend is reachable and logs each change once: the first failure of an outage (with its cause),
 * then the recovery with how long it lasted and how many failures it swallowed. Callers report every failure and
 * success; the log stays quiet in between. A failure of work that began before the last recovery is a straggler of
 * the outage already logged (requests in flight when every connection was cut), not a new one.
 */
export class Availability {
  private downSince: number | undefined;
  private recoveredAt = -Infinity;
  private failures = 0;

  constructor(
    private readonly backend: Backend,
    private readonly log: Logger | undefined,
    private readonly consequence: string,
  ) {}

  /** `startedAt` (from `performance.now()`) is when the failed work began, where the caller knows it. */
  failed(error: unknown, startedAt = performance.now()): void {
    if (this.downSince === undefined && startedAt < this.recoveredAt) return;
    this.failures++;
    if (this.downSince !== undefined) return;
    this.downSince = performance.now();
    this.log?.error({ err: error, backend: this.backend }, `${this.backend} unavailable: ${this.consequence}`);
  }

  succeeded(): void {
    if (this.downSince === undefined) return;
    this.log?.warn(
      { backend: this.backend, seconds: Math.round((performance.now() - this.downSince) / 100) / 10, failures: this.failures },
      `${this.backend} available again`,
    );
    this.downSince = undefined;
    this.recoveredAt = performance.now();
    this.failures = 0;
  }
}

/** Why a backend could not be reached, for a one-line start-up error: `connect ECONNREFUSED 127.0.0.1:5499`. */
export function failureReason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return failureReason(error.errors[0]);
  return error instanceof Error ? error.message || (error as { code?: string }).code || error.name : String(error);
}

/** A connection URL without its password, safe to print. */
export function redactUrl(url: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return '(unparseable URL)';
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
