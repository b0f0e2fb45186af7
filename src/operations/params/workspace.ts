import * as z from 'zod';
import type { Principal, WorkspaceRef } from '../../domain/tenancy/principal.ts';
import { tenantOf, type Tenant } from '../../domain/tenancy/tenant.ts';
import { commaList } from '../../comma-list.ts';
import { OperationError } from '../errors.ts';

export const WorkspaceParam = z
  .string()
  .min(1)
  .max(1000)
  .optional()
  .describe('Workspace ids (ws_...) or slugs, comma-separated; omit for every workspace this credential sees.');

/**
 * The tenant a call acts for: the workspaces it names (ids or slugs, comma-separated; empty items are skipped, as in
 * REST's lists), or every workspace the principal may see. Ids and slugs hold no comma.
 */
export function tenantFor(principal: Principal, workspace: string | undefined): Tenant {
  if (workspace === undefined) return tenantOf(principal);
  const names = commaList(workspace);
  if (names.length === 0) throw new OperationError('invalid_argument', 'workspace: name a workspace id or slug, or leave it out.');
  const found = new Map<string, WorkspaceRef>();
  for (const name of names) {
    const match = principal.workspaces.find((w) => w.id === name || w.slug === name);
    if (!match)
      throw new OperationError(
        'not_found',
        `No workspace "${name}" is visible to this credential.`,
        'Call list_workspaces to see the workspaces this credential may use.',
      );
    found.set(match.id, match);
  }
  return tenantOf(principal, [...found.values()]);
}

/** The time zone that date-only arguments mean when the caller gives none. */
export function defaultTimeZone(workspaces: readonly WorkspaceRef[]): string {
  const zones = new Set(workspaces.map((w) => w.timezone));
  return zones.size === 1 ? [...zones][0]! : 'UTC';
}

/** The one workspace a create writes to: implied when the principal sees one, required when it sees several. */
export function writeTenant(principal: Principal, workspace: string | undefined): Tenant {
  if (workspace === undefined && principal.workspaces.length !== 1) {
    throw new OperationError(
      'invalid_argument',
      'This credential sees several workspaces: pass `workspace` (id or slug) to say which one to write to.',
      'Call list_workspaces to see the workspaces this credential may use.',
    );
  }
  const tenant = tenantFor(principal, workspace ?? principal.workspaces[0]!.id);
  if (tenant.workspaces.length > 1)
    throw new OperationError('invalid_argument', 'A write goes to one workspace: pass one workspace id or slug, not several.');
  return tenant;
}

/** The tenant of the one workspace a row, already read through the principal, lives in: what a change to it may touch. */
export function rowTenant(principal: Principal, row: { workspace_id: string }): Tenant {
  return tenantOf(
    principal,
    principal.workspaces.filter((w) => w.id === row.workspace_id),
  );
}
