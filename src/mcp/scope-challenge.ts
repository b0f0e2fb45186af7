import type { Scope } from '../keys/api-keys.ts';
import type { Principal } from '../domain/tenancy/principal.ts';
import { resolveToolName } from '../operations/aliases.ts';
import type { AnyOperation } from '../operations/define.ts';
import { OPERATIONS } from '../operations/registry.ts';

/**
 * The operation scope an OAuth caller lacks for a tool it calls, if any. An OAuth client can ask the person for
 * more (step-up authorization), so it gets a 403 `insufficient_scope` challenge naming the scope instead of the
 * "unknown tool" an API key gets; the tool is hidden from its list either way.
 */
export function missingScope(principal: Principal, message: unknown, operations: readonly AnyOperation[] = OPERATIONS): Scope | undefined {
  if (principal.credential.type !== 'oauth') return undefined;
  for (const request of Array.isArray(message) ? message : [message]) {
    if (typeof request !== 'object' || request === null || (request as { method?: unknown }).method !== 'tools/call') continue;
    const name = resolveToolName((request as { params?: { name?: unknown } }).params?.name);
    const op = operations.find((o) => o.name === name);
    if (op && !principal.scopes.includes(op.scope)) return op.scope;
  }
  return undefined;
}
