import type { Principal, WorkspaceRef } from './principal.ts';

declare const TENANT: unique symbol;
declare const OWNED: unique symbol;

/**
 * The workspaces one call may read or change. Every query over tenant data takes one, and the only way to make one is
 * `tenantOf` from an authenticated principal, so a caller's bare ids never choose what a query may see.
 */
export interface Tenant {
  readonly accountId: string;
  readonly workspaces: readonly WorkspaceRef[];
  readonly workspaceIds: readonly string[];
  readonly [TENANT]: true;
}

/** The tenant a principal acts as: all its workspaces, or those of them a call narrowed to. */
export function tenantOf(principal: Principal, workspaces: readonly WorkspaceRef[] = principal.workspaces): Tenant {
  const foreign = workspaces.find((workspace) => !principal.workspaces.some((own) => own.id === workspace.id));
  if (foreign) throw new Error(`workspace ${foreign.id} is not one of the principal's`);
  return { accountId: principal.accountId, workspaces, workspaceIds: workspaces.map((workspace) => workspace.id) } as Omit<
    Tenant,
    typeof TENANT
  > as Tenant;
}

/**
 * A row read through a tenant. Lookups of its children (messages, notes, recent conversations) take the owned parent,
 * never a bare id, so they cannot be pointed at another tenant's rows. Only the queries that read rows for a tenant
 * mark them.
 */
export type Owned<T> = T & { readonly [OWNED]: true };

export function owned<T extends object>(row: T): Owned<T>;
export function owned<T extends object>(row: T | undefined): Owned<T> | undefined;
export function owned<T extends object>(row: T | undefined): Owned<T> | undefined {
  return row as Owned<T> | undefined;
}
