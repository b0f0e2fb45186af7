/** Dashboard sign-in: browser sessions (only token hashes stored) and invitations to join an account. */
export const sql = /* sql */ `
create table sessions (
  id text primary key,
  user_id text not null references users(id) on delete cascade,
  token_hash text not null unique,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user on sessions (user_id);

create table invitations (
  id text primary key,
  account_id text not null references accounts(id) on delete cascade,
  email text,
  role text not null check (role in ('admin', 'member')),
  token_hash text not null unique,
  created_by text references users(id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  accepted_at timestamptz
);
create index invitations_account on invitations (account_id);
`;
