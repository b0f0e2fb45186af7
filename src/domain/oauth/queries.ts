import type { Queryable } from '../../db/database.ts';
import type { ConnectedApp } from './schema.ts';

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
