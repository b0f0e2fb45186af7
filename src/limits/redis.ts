import { Redis } from 'ioredis';
import { Availability, failureReason, redactUrl } from '../availability.ts';
import { ConfigError } from '../config.ts';
import type { Logger } from '../log.ts';

/**
 * Connects to the Redis that shares rate-limit and sign-in counters between instances. A Redis that cannot be
 * reached at start stops the start with one line naming REDIS_URL; one lost later is logged once, and the limiters
 * count in memory (see RateLimiter) while the client reconnects by itself.
 */
export async function connectRedis(url: string, log: Logger): Promise<Redis> {
  // No offline queue: while Redis is away a command fails at once and the in-memory insurance answers instead.
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: true, connectTimeout: 5_000 });
  let startError: unknown;
  redis.on('error', (error) => (startError = error));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new ConfigError(`REDIS_URL: cannot use ${redactUrl(url)}: ${failureReason(startError ?? error)}`);
  }
  redis.removeAllListeners('error');
  const availability = new Availability(
    'redis',
    log,
    "rate limits and sign-in attempts are counted in each process's memory until it returns",
  );
  // 'reconnecting' means the connection was lost (a deliberate disconnect at shutdown never reconnects).
  redis.on('error', (error) => availability.failed(error));
  redis.on('reconnecting', () => availability.failed(new Error('the connection to Redis was lost; reconnecting')));
  redis.on('ready', () => availability.succeeded());
  return redis;
}
