import type { Principal } from '../../src/domain/tenancy/principal.ts';

/** A principal for tests that need no database: an API key (or OAuth grant) of one account with these scopes. */
export function testPrincipal(
  scopes: Principal['scopes'] = ['read', 'write', 'ingest'],
  type: Principal['credential']['type'] = 'api_key',
): Principal {
  return {
    accountId: 'acct_1',
    accountName: 'A',
    accountSlug: 'a',
    accountCreatedAt: '2026-01-01T00:00:00.000Z',
    credential: { type, id: 'key_1', name: 'k' },
    scopes,
    workspaces: [],
    rateLimitKey: 'k',
    rateLimits: { perMinute: 1, perHour: 1, perDay: 1 },
  };
}
