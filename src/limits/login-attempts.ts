import type { Redis } from 'ioredis';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { limiterFor } from './rate-limit.ts';

const PER_EMAIL_AND_ADDRESS = 5;
const PER_ADDRESS = 30;

/**
 * Limits password guessing: 5 failed sign-ins per email from one client address, and 30 per address, in 15 minutes.
 * Keyed by address too, so a stranger guessing at an account locks out only themselves, not its owner signing in
 * from elsewhere (behind a reverse proxy, set TRUSTED_PROXIES, or every client shares the proxy's address). Only
 * failures count; a success clears that email's count at that address.
 */
export class LoginAttempts {
  private readonly byEmailAndAddress: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(redis?: Redis) {
    const make = (keyPrefix: string, points: number) => limiterFor({ keyPrefix, points, duration: 900 }, redis);
    this.byEmailAndAddress = make('parley:login:email-addr', PER_EMAIL_AND_ADDRESS);
    this.byAddress = make('parley:login:addr', PER_ADDRESS);
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed. */
  async blockedFor(email: string, address: string): Promise<number> {
    const [pair, any] = await Promise.all([this.byEmailAndAddress.get(key(email, address)), this.byAddress.get(address)]);
    const over = [
      pair && pair.consumedPoints >= PER_EMAIL_AND_ADDRESS ? pair : undefined,
      any && any.consumedPoints >= PER_ADDRESS ? any : undefined,
    ].filter(Boolean) as RateLimiterRes[];
    return over.length === 0 ? 0 : Math.ceil(Math.max(...over.map((r) => r.msBeforeNext)) / 1000);
  }

  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.byEmailAndAddress.penalty(key(email, address), 1), this.byAddress.penalty(address, 1)]);
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.byEmailAndAddress.delete(key(email, address));
  }
}

const key = (email: string, address: string) => `${email.toLowerCase()}|${address}`;
