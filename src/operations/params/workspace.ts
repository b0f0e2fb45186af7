import * as z from 'zod';
import type { Principal, WorkspaceRef } from '../../domain/tenancy/principal.ts';
import { tenantOf, type Tenant } from '../../domain/tenancy/tenant.ts';
import { OperationError } from '../errors.ts';

export const WorkspaceParam = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('Workspace id (ws_...) or slug. Omit to read across every workspace this credential may see.');

/** The tenant a call acts for: the workspace it names (id or slug), or every workspace the principal may see. */
export function tenantFor(principal: Principal, workspace: string | undefined): Tenant {
  if (workspace === undefined) return tenantOf(principal);
  const found = principal.workspaces.find((w) => w.id === workspace || w.slug === workspace);
  if (!found)
    throw new OperationError(
      'not_found',
      `No workspace "${workspace}" is visible to this credential.`,
      'Call list_workspaces to see the workspaces this credential may use.',
    );
  return tenantOf(principal, [found]);
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
  return tenantFor(principal, workspace ?? principal.workspaces[0]!.id);
}

/** The tenant of the one workspace a row, already read through the principal, lives in: what a change to it may touch. */
export function rowTenant(principal: Principal, row: { workspace_id: string }): Tenant {
  return tenantOf(
    principal,
    principal.workspaces.filter((w) => w.id === row.workspace_id),
  );
}
