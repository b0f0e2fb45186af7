import type { Queryable } from '../../db/database.ts';

export interface ConnectedApp {
  id: string;
  client_id: string;
  client_name: string | null;
  user_name: string;
  user_email: string;
  workspaces: { id: string; name: string }[];
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
}

/** Every OAuth grant of an account (a connected app): who approved it, for which workspaces and scopes, and when. */
export async function listConnectedApps(db: Queryable, accountId: string): Promise<ConnectedApp[]> {
  return db.query<ConnectedApp>(
    `select g.id, g.client_id, c.metadata->>'client_name' as client_name, u.name as user_name, u.email as user_email,
       coalesce((select json_agg(json_build_object('id', w.id, 'name', w.name) order by w.created_at, w.id)
                 from workspaces w where w.id = any(g.workspace_ids) and w.account_id = g.account_id), '[]') as workspaces,
       coalesce(array(select distinct s from jsonb_each_text(coalesce(g.payload->'resources', '{}')) r, unnest(string_to_array(r.value, ' ')) s
                      union select unnest(string_to_array(g.payload->'openid'->>'scope', ' ')) order by 1), '{}') as scopes,
       g.created_at, g.last_used_at
     from oauth_grants g join users u on u.id = g.user_id left join oauth_clients c on c.client_id = g.client_id
     where g.account_id = $1 and (g.expires_at is null or g.expires_at > now())
     order by g.created_at desc`,
    [accountId],
  );
}

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
