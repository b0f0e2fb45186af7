import type { KeyKind, Scope } from '../../keys/api-keys.ts';

export interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
  timezone: string;
}

/**
 * SQL for a credential's visible workspaces as WorkspaceRef JSON, oldest first: the caller appends the `where`
 * condition on `w` (API keys and OAuth grants differ only in which workspaces they name).
 */
export const WORKSPACE_REFS_SQL = `select json_agg(json_build_object('id', w.id, 'slug', w.slug, 'name', w.name, 'timezone', w.timezone) order by w.created_at, w.id) from workspaces w`;

export interface RateLimits {
  perMinute: number;
  perHour: number;
  perDay: number;
}

/** Who is calling, resolved from an API key or OAuth token; every operation and query is filtered by it. */
export interface Principal {
  accountId: string;
  accountName: string;
  accountSlug: string;
  /** When the account was created, ISO-8601. */
  accountCreatedAt: string;
  credential: {
    type: 'api_key' | 'oauth';
    id: string;
    name: string;
    /** API keys only. */
    kind?: KeyKind;
    /** OAuth grants only: the person who approved the grant, whom its writes are recorded as. */
    userId?: string;
    /** OAuth grants only: that person's role in the account. */
    role?: 'owner' | 'admin' | 'member';
  };
  scopes: readonly Scope[];
  /** The workspaces this credential may touch, oldest first. */
  workspaces: readonly WorkspaceRef[];
  /** Rate limits are counted per credential (per key, per OAuth token family). */
  rateLimitKey: string;
  rateLimits: RateLimits;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 60, perHour: 1000, perDay: 10_000 };

/** An account's stored override (`{per_minute, per_hour, per_day}`, any of them) over the defaults. */
export function rateLimitsFrom(stored: { per_minute?: number; per_hour?: number; per_day?: number } | null | undefined): RateLimits {
  return {
    perMinute: stored?.per_minute ?? DEFAULT_RATE_LIMITS.perMinute,
    perHour: stored?.per_hour ?? DEFAULT_RATE_LIMITS.perHour,
    perDay: stored?.per_day ?? DEFAULT_RATE_LIMITS.perDay,
  };
}

/** Who made a change, as a record's history keeps it: a person (usr_...) or API key (key_...), and the key or app it came through. */
export interface Actor {
  id: string;
  via: string;
}

/** Who a change is recorded as: the person behind an OAuth grant, else the API key; and the key or app it came through. */
export function actorOf(principal: Principal): Actor {
  return { id: principal.credential.userId ?? principal.credential.id, via: principal.credential.name };
}
