import * as z from 'zod';
import type { Principal, WorkspaceRef } from '../../auth/principal.ts';
import { OperationError } from '../errors.ts';

export const WorkspaceParam = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('Workspace id (ws_...) or slug. Omit to read across every workspace this credential may see.');

const LIST_HINT = 'Call list_workspaces to see the workspaces this credential may use.';

/** The workspaces a call reads: the named one, or all the principal may see. */
export function readScope(principal: Principal, workspace: string | undefined): readonly WorkspaceRef[] {
  if (workspace === undefined) return principal.workspaces;
  const found = principal.workspaces.find((w) => w.id === workspace || w.slug === workspace);
  if (!found) throw new OperationError('not_found', `No workspace "${workspace}" is visible to this credential.`, LIST_HINT);
  return [found];
}

/** The single workspace a write goes to: implied when there is one, required when there are several. */
export function writeScope(principal: Principal, workspace: string | undefined): WorkspaceRef {
  if (workspace === undefined) {
    if (principal.workspaces.length === 1) return principal.workspaces[0]!;
    throw new OperationError('invalid_argument', 'This credential sees several workspaces: pass `workspace` (id or slug) to say which one to write to.', LIST_HINT);
  }
  return readScope(principal, workspace)[0]!;
}

export function ids(workspaces: readonly WorkspaceRef[]): string[] {
  return workspaces.map((w) => w.id);
}

/** The time zone that date-only arguments mean when the caller gives none. */
export function defaultTimeZone(workspaces: readonly WorkspaceRef[]): string {
  const zones = new Set(workspaces.map((w) => w.timezone));
  return zones.size === 1 ? [...zones][0]! : 'UTC';
}
