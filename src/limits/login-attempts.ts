import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Limits password guessing: 5 failed sign-ins per email and 30 per client address in 15 minutes. Only failures
 * count, and a success clears the email's count.
 */
export class LoginAttempts {
  private readonly byEmail: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const make = (keyPrefix: string, points: number) =>
      redis ? new RateLimiterRedis({ storeClient: redis, useRedisPackage: false, keyPrefix, points, duration: 900 }) : new RateLimiterMemory({ keyPrefix, points, duration: 900 });
    this.byEmail = make('parley:login:email', 5);
    this.byAddress = make('parley:login:addr', 30);
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed. */
  async blockedFor(email: string, address: string): Promise<number> {
    const [e, a] = await Promise.all([this.byEmail.get(email.toLowerCase()), this.byAddress.get(address)]);
    const over = [e && e.consumedPoints >= 5 ? e : undefined, a && a.consumedPoints >= 30 ? a : undefined].filter(Boolean) as RateLimiterRes[];
    return over.length === 0 ? 0 : Math.ceil(Math.max(...over.map((r) => r.msBeforeNext)) / 1000);
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(email.toLowerCase(), 1), this.byAddress.penalty(address, 1)]);
  }

  async succeeded(email: string): Promise<void> {
    await this.byEmail.delete(email.toLowerCase());
  }
}
