import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimits } from '../domain/tenancy/principal.ts';

export interface RateLimitDecision {
  allowed: boolean;
  /** The tightest window: the one that refused, or the one with the least headroom. */
  window: 'minute' | 'hour' | 'day';
  limit: number;
  remaining: number;
  /** Seconds until that window resets. */
  resetSeconds: number;
}

const WINDOWS = [
  { name: 'minute', seconds: 60, limit: (l: RateLimits) => l.perMinute },
  { name: 'hour', seconds: 3600, limit: (l: RateLimits) => l.perHour },
  { name: 'day', seconds: 86_400, limit: (l: RateLimits) => l.perDay },
] as const;

/**
 * A limiter kept in Redis when there is one, so every instance counts together; while Redis is unreachable its
 * in-memory insurance counts instead (per process, so briefly more generous), and calls go on being answered.
 */
export function limiterFor(
  options: { points: number; duration: number; keyPrefix: string },
  redis: Redis | undefined,
): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: false, insuranceLimiter: new RateLimiterMemory(options) });
}

/**
 * Per-credential limits over three windows. Windows are charged in order and a refusal refunds the windows already
 * charged, so a refused call never spends budget (rate-limiter-flexible's RateLimiterUnion would charge them all).
 */
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly redis?: Redis) {}

  private limiter(window: (typeof WINDOWS)[number], points: number): RateLimiterAbstract {
    const key = `${window.name}:${points}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = limiterFor({ points, duration: window.seconds, keyPrefix: `parley:rl:${window.name}:${points}` }, this.redis);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  async consume(key: string, limits: RateLimits): Promise<RateLimitDecision> {
    const charged: RateLimiterAbstract[] = [];
    let tightest: RateLimitDecision | undefined;
    for (const window of WINDOWS) {
      const limit = window.limit(limits);
      const limiter = this.limiter(window, limit);
      try {
        const res = await limiter.consume(key);
        charged.push(limiter);
        const decision = {
          allowed: true,
          window: window.name,
          limit,
          remaining: res.remainingPoints,
          resetSeconds: Math.ceil(res.msBeforeNext / 1000),
        };
        if (!tightest || decision.remaining / limit < tightest.remaining / tightest.limit) tightest = decision;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error; // the store failed: not a refusal
        await Promise.all(charged.map((l) => l.reward(key, 1)));
        return {
          allowed: false,
          window: window.name,
          limit,
          remaining: 0,
          resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
        };
      }
    }
    return tightest!;
  }

  /** Remaining headroom without spending any, for usage displays. */
  async peek(key: string, limits: RateLimits): Promise<Array<{ window: string; limit: number; remaining: number }>> {
    return Promise.all(
      WINDOWS.map(async (window) => {
        const limit = window.limit(limits);
        const res = await this.limiter(window, limit).get(key);
        return { window: window.name, limit, remaining: res ? Math.max(0, limit - res.consumedPoints) : limit };
      }),
    );
  }
}
