import type { Queryable } from '../../db/database.ts';

/** Records the workspaces a person chose on the consent screen (the grant itself is the provider's). */
export async function setGrantWorkspaces(db: Queryable, grantId: string, workspaceIds: string[]): Promise<void> {
  await db.query('update oauth_grants set workspace_ids = $2 where id = $1', [grantId, workspaceIds]);
}

/** Deletes a grant and every token and code issued under it: the next request with any of them fails. */
export async function revokeGrant(db: Queryable, grantId: string, accountId?: string): Promise<boolean> {
  const rows = await db.query(
    `with revoked as (delete from oauth_grants where id = $1 and ($2::text is null or account_id = $2) returning id),
     tokens as (delete from oauth_objects where grant_id in (select id from revoked))
     select id from revoked`,
    [grantId, accountId ?? null],
  );
  return rows.length > 0;
}

/** How long a registered client may go without any grant before its registration is deleted. */
export const UNUSED_CLIENT_HOURS = 24;

/**
 * Deletes what the authorization server no longer needs: expired codes, tokens, sessions and interactions (a used
 * refresh token is kept until it expires, for replay detection), expired grants, and dynamically registered clients
 * that never got a grant within a day. A client whose registration was deleted gets `invalid_client` and registers
 * again.
 */
export async function pruneOAuthStore(db: Queryable): Promise<{ objects: number; grants: number; clients: number }> {
  const objects = await db.query('delete from oauth_objects where expires_at < now() returning 1');
  const grants = await db.query('delete from oauth_grants where expires_at < now() returning 1');
  const clients = await db.query(
    `delete from oauth_clients c where c.created_at < now() - make_interval(hours => $1)
       and not exists (select 1 from oauth_grants g where g.client_id = c.client_id) returning 1`,
    [UNUSED_CLIENT_HOURS],
  );
  return { objects: objects.length, grants: grants.length, clients: clients.length };
}
