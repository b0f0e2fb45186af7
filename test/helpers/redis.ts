import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A connection to the test Redis, or undefined when there is none: outside CI that is said in one line and the
 * Redis half of a test is skipped; with CI=true it is a failure.
 */
export async function redisOrSkip(): Promise<Redis | undefined> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
  try {
    await redis.connect();
    return redis;
  } catch (error) {
    redis.disconnect();
    if (process.env.CI === 'true') throw new Error(`Redis is unreachable at ${REDIS_URL}, and CI=true requires it.`, { cause: error });
    console.log(`# Redis unreachable at ${REDIS_URL}: skipping what needs it.`);
    return undefined;
  }
}
