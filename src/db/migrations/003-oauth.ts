/**
 * Storage for the OAuth 2.1 authorization server (oidc-provider). The OAuth tables of the initial migration were
 * never used; they are replaced by the shape the provider's adapter needs:
 * - clients registered dynamically (Client ID Metadata Document clients are fetched, not stored);
 * - grants: one per approval, the "connected app" a person sees and revokes, with the workspaces they chose;
 * - every other provider object (tokens, codes, sessions, interactions) keyed by the SHA-256 of its id, so the
 *   database never holds a usable token.
 */
export const sql = /* sql */ `
drop table oauth_tokens;
drop table oauth_grants;
drop table oauth_clients;

create table oauth_clients (
  client_id text primary key,
  metadata jsonb not null,
  created_at timestamptz not null default now()
);

create table oauth_grants (
  id text primary key,
  client_id text not null,
  user_id text not null references users(id) on delete cascade,
  account_id text not null references accounts(id) on delete cascade,
  workspace_ids text[] not null default '{}',
  payload jsonb not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz
);
create index oauth_grants_account on oauth_grants (account_id);
create index oauth_grants_client on oauth_grants (client_id);

create table oauth_objects (
  model text not null,
  id_hash text not null,
  grant_id text,
  uid text,
  payload jsonb not null,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (model, id_hash)
);
create index oauth_objects_grant on oauth_objects (grant_id) where grant_id is not null;
create index oauth_objects_uid on oauth_objects (uid) where uid is not null;
create index oauth_objects_expires on oauth_objects (expires_at);

-- Keys the server makes for itself on first start (token signing, cookie signing), shared by every instance.
create table server_secrets (
  name text primary key,
  value jsonb not null,
  created_at timestamptz not null default now()
);
`;
