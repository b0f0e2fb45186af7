import type { Scope } from '../keys/api-keys.ts';

/** The scopes MCP clients ask for (read from the protected-resource metadata), and what each allows, in plain words. */
export const OAUTH_SCOPES = {
  'mcp:read': 'Read your conversations, contacts, companies, visitors, events and usage in the workspaces you choose.',
  'mcp:write': 'Act for you in those workspaces: reply to conversations, create or change records, and track events.',
  offline_access: 'Stay connected without asking you again, until you disconnect it in the dashboard.',
} as const;

export type OAuthScope = keyof typeof OAUTH_SCOPES;
export const RESOURCE_SCOPES = ['mcp:read', 'mcp:write'] as const;

/** An OAuth token's scopes as the operation scopes every credential is checked against. */
export function operationScopes(oauthScopes: Iterable<string>): Scope[] {
  const granted = new Set(oauthScopes);
  const scopes: Scope[] = [];
  if (granted.has('mcp:read')) scopes.push('read');
  // Tracking an event is a write like any other to a person approving an app.
  if (granted.has('mcp:write')) scopes.push('write', 'ingest');
  return scopes;
}

/** What an insufficient_scope challenge asks for (RFC 6750 step-up): the scopes the token has, plus the one it lacks. */
export function stepUpScopes(granted: readonly Scope[], needed: Scope): OAuthScope[] {
  const scopes = [...granted, needed].flatMap((s): OAuthScope[] => (s === 'read' ? ['mcp:read'] : ['mcp:write']));
  return [...new Set(scopes)];
}
