import type { KeyKind, Scope } from './api-keys.ts';

export interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}

export interface RateLimits {
  perMinute: number;
  perHour: number;
  perDay: number;
}

/** Who is calling, resolved from an API key or OAuth token; every operation and query is filtered by it. */
export interface Principal {
  accountId: string;
  accountName: string;
  credential: {
    type: 'api_key' | 'oauth';
    id: string;
    name: string;
    /** API keys only. */
    kind?: KeyKind;
  };
  scopes: readonly Scope[];
  /** The workspaces this credential may touch, oldest first. */
  workspaces: readonly WorkspaceRef[];
  /** Rate limits are counted per credential (per key, per OAuth token family). */
  rateLimitKey: string;
  rateLimits: RateLimits;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 60, perHour: 1000, perDay: 10_000 };
