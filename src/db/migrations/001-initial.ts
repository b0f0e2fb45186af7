/**
 * The whole data model of ARCHITECTURE.md, so later work adds operations rather than reshaping tables.
 * Only SQL that PostgreSQL 15 (the server here) and PGlite (PostgreSQL 18) both accept.
 * Every tenant-owned row carries workspace_id (or account_id) so each query can filter on it directly.
 */
export const sql = /* sql */ `
-- Tenancy -----------------------------------------------------------------------------------------------
create table accounts (
  id text primary key,
  name text not null,
  slug text not null unique,
  rate_limits jsonb,                          -- per-account override of {per_minute, per_hour, per_day}
  created_at timestamptz not null default now()
);

create table users (
  id text primary key,
  account_id text not null references accounts(id) on delete cascade,
  email text not null unique,
  name text not null,
  role text not null check (role in ('owner', 'admin', 'member')),
  password_hash text,
  created_at timestamptz not null default now()
);
create index users_account on users (account_id);

create table workspaces (
  id text primary key,
  account_id text not null references accounts(id) on delete cascade,
  name text not null,
  slug text not null,
  timezone text not null default 'UTC',
  created_at timestamptz not null default now(),
  unique (account_id, slug)
);

-- Agents -------------------------------------------------------------------------------------------------
create table agents (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  description text,
  status text not null default 'active' check (status in ('active', 'paused', 'archived')),
  skills jsonb not null default '[]',
  ai_settings jsonb not null default '{}',
  widget_settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index agents_workspace on agents (workspace_id);

create table channels (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  agent_id text references agents(id) on delete set null,
  kind text not null check (kind in ('web', 'whatsapp', 'messenger', 'instagram', 'sms', 'email', 'slack', 'voice')),
  name text not null,
  config jsonb not null default '{}',
  status text not null default 'active' check (status in ('active', 'disabled')),
  created_at timestamptz not null default now()
);
create index channels_workspace on channels (workspace_id);

create table flows (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  agent_id text references agents(id) on delete cascade,
  name text not null,
  published_version_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index flows_workspace on flows (workspace_id);

create table flow_versions (
  id text primary key,
  flow_id text not null references flows(id) on delete cascade,
  workspace_id text not null references workspaces(id) on delete cascade,
  version integer not null,
  graph jsonb not null,                       -- {nodes: [...], edges: [...]}
  created_at timestamptz not null default now(),
  published_at timestamptz,
  unique (flow_id, version)
);

create table templates (
  id text primary key,
  workspace_id text references workspaces(id) on delete cascade,   -- null: a built-in template
  name text not null,
  category text not null,
  description text,
  definition jsonb not null,
  created_at timestamptz not null default now()
);

-- People -------------------------------------------------------------------------------------------------
create table companies (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  domain text,
  industry text,
  employee_count integer,
  country text,
  attributes jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index companies_workspace on companies (workspace_id, created_at desc);
create index companies_domain on companies (workspace_id, lower(domain));

create table contacts (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  agent_id text references agents(id) on delete set null,
  company_id text references companies(id) on delete set null,
  name text,
  email text,
  phone text,
  company_name text,
  title text,
  attributes jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index contacts_workspace on contacts (workspace_id, created_at desc);
create index contacts_email on contacts (workspace_id, lower(email));
create index contacts_company on contacts (company_id);

create table visitors (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  anonymous_id text not null,
  contact_id text references contacts(id) on delete set null,
  first_seen_at timestamptz not null,
  last_seen_at timestamptz not null,
  person_name text,
  person_email text,
  person_title text,
  company_name text,
  company_domain text,
  company_industry text,
  company_employee_count integer,
  company_country text,
  city text,
  country text,
  device text,
  browser text,
  referrer text,
  landing_page text,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  utm_term text,
  utm_content text,
  identified_at timestamptz,
  created_at timestamptz not null default now(),
  unique (workspace_id, anonymous_id)
);
create index visitors_last_seen on visitors (workspace_id, last_seen_at desc);
create index visitors_first_seen on visitors (workspace_id, first_seen_at desc);
create index visitors_contact on visitors (contact_id);

create table notes (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  contact_id text references contacts(id) on delete cascade,
  company_id text references companies(id) on delete cascade,
  author text not null,
  body text not null,
  created_at timestamptz not null default now(),
  check (contact_id is not null or company_id is not null)
);
create index notes_contact on notes (contact_id, created_at desc);
create index notes_company on notes (company_id, created_at desc);

-- Conversations ------------------------------------------------------------------------------------------
create table conversations (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  agent_id text references agents(id) on delete set null,
  visitor_id text references visitors(id) on delete set null,
  contact_id text references contacts(id) on delete set null,
  channel text not null default 'web',
  status text not null default 'open' check (status in ('open', 'closed', 'escalated')),
  subject text,
  summary text,
  message_count integer not null default 0,
  visitor_message_count integer not null default 0,
  started_at timestamptz not null,
  last_message_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index conversations_started on conversations (workspace_id, started_at desc);
create index conversations_visitor on conversations (visitor_id, started_at desc);
create index conversations_contact on conversations (contact_id, started_at desc);
create index conversations_agent on conversations (agent_id, started_at desc);

create table messages (
  id text primary key,
  conversation_id text not null references conversations(id) on delete cascade,
  workspace_id text not null references workspaces(id) on delete cascade,
  role text not null check (role in ('visitor', 'agent', 'human', 'system')),
  author_name text,
  body text not null,
  created_at timestamptz not null,
  search tsvector generated always as (to_tsvector('english', body)) stored
);
create index messages_conversation on messages (conversation_id, created_at);
create index messages_search on messages using gin (search);

create table form_responses (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  conversation_id text references conversations(id) on delete set null,
  visitor_id text references visitors(id) on delete set null,
  contact_id text references contacts(id) on delete set null,
  form_name text not null,
  fields jsonb not null,
  created_at timestamptz not null default now()
);
create index form_responses_conversation on form_responses (conversation_id);

-- Events: journey milestones, browser activity and custom tracked events, append-only ----------------------
create table events (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  kind text not null check (kind in ('journey', 'browser', 'custom')),
  name text not null,
  visitor_id text references visitors(id) on delete set null,
  contact_id text references contacts(id) on delete set null,
  conversation_id text references conversations(id) on delete set null,
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  url text,
  path text,
  page_title text,
  referrer text,
  source text,
  medium text,
  campaign text,
  properties jsonb not null default '{}'
);
create index events_occurred on events (workspace_id, occurred_at desc);
create index events_name on events (workspace_id, name, occurred_at desc);
create index events_visitor on events (visitor_id, occurred_at desc);
create index events_contact on events (contact_id, occurred_at desc);
create index events_conversation on events (conversation_id);

-- Support ------------------------------------------------------------------------------------------------
create table tickets (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  contact_id text references contacts(id) on delete set null,
  conversation_id text references conversations(id) on delete set null,
  subject text not null,
  status text not null default 'open' check (status in ('open', 'pending', 'solved', 'closed')),
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  assignee text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create index tickets_workspace on tickets (workspace_id, created_at desc);
create index tickets_contact on tickets (contact_id);

create table ticket_messages (
  id text primary key,
  ticket_id text not null references tickets(id) on delete cascade,
  workspace_id text not null references workspaces(id) on delete cascade,
  author_role text not null check (author_role in ('customer', 'agent', 'human', 'system')),
  author_name text,
  body text not null,
  created_at timestamptz not null default now()
);
create index ticket_messages_ticket on ticket_messages (ticket_id, created_at);

create table calls (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  agent_id text references agents(id) on delete set null,
  contact_id text references contacts(id) on delete set null,
  visitor_id text references visitors(id) on delete set null,
  direction text not null check (direction in ('inbound', 'outbound')),
  status text not null check (status in ('completed', 'missed', 'voicemail', 'failed')),
  from_number text,
  to_number text,
  duration_seconds integer not null default 0,
  summary text,
  transcript text,
  started_at timestamptz not null,
  ended_at timestamptz
);
create index calls_workspace on calls (workspace_id, started_at desc);

create table appointments (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  contact_id text references contacts(id) on delete set null,
  visitor_id text references visitors(id) on delete set null,
  conversation_id text references conversations(id) on delete set null,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'completed', 'cancelled', 'no_show')),
  location text,
  notes text,
  created_at timestamptz not null default now()
);
create index appointments_workspace on appointments (workspace_id, starts_at desc);

create table reservations (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  contact_id text references contacts(id) on delete set null,
  party_size integer not null default 1,
  starts_at timestamptz not null,
  status text not null default 'confirmed' check (status in ('pending', 'confirmed', 'cancelled', 'completed')),
  notes text,
  created_at timestamptz not null default now()
);
create index reservations_workspace on reservations (workspace_id, starts_at desc);

-- Knowledge base -----------------------------------------------------------------------------------------
create table kb_categories (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  slug text not null,
  description text,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  unique (workspace_id, slug)
);

create table kb_articles (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  category_id text references kb_categories(id) on delete set null,
  title text not null,
  path text not null,
  content text not null,
  review_status text not null default 'draft' check (review_status in ('draft', 'in_review', 'approved', 'needs_update')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', content), 'B')
  ) stored,
  unique (workspace_id, path)
);
create index kb_articles_search on kb_articles using gin (search);

-- Operations ---------------------------------------------------------------------------------------------
create table api_keys (
  id text primary key,
  account_id text not null references accounts(id) on delete cascade,
  workspace_id text references workspaces(id) on delete cascade,  -- null: account-wide
  kind text not null check (kind in ('account', 'secret', 'read_only', 'publishable')),
  name text not null,
  prefix text not null,                       -- the first characters, to recognise a key in lists
  secret_hash text not null unique,           -- sha256 of the whole key; the key itself is never stored
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  check ((kind = 'account') = (workspace_id is null))
);
create index api_keys_account on api_keys (account_id);

create table oauth_clients (
  id text primary key,
  client_id text not null unique,
  metadata jsonb not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);

create table oauth_grants (
  id text primary key,
  account_id text not null references accounts(id) on delete cascade,
  user_id text not null references users(id) on delete cascade,
  client_id text not null references oauth_clients(client_id) on delete cascade,
  workspace_ids text[] not null,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index oauth_grants_account on oauth_grants (account_id);

create table oauth_tokens (
  id text primary key,
  grant_id text not null references oauth_grants(id) on delete cascade,
  kind text not null check (kind in ('authorization_code', 'access', 'refresh')),
  token_hash text not null unique,
  family_id text not null,
  payload jsonb not null default '{}',
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  consumed_at timestamptz,
  revoked_at timestamptz
);
create index oauth_tokens_grant on oauth_tokens (grant_id);
create index oauth_tokens_family on oauth_tokens (family_id);

create table idempotency_records (
  account_id text not null references accounts(id) on delete cascade,
  key text not null,
  operation text not null,
  request_hash text not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (account_id, key)
);

create table usage_counters (
  credential_id text not null,
  account_id text not null references accounts(id) on delete cascade,
  day date not null,
  calls integer not null default 0,
  primary key (credential_id, day)
);
create index usage_counters_account on usage_counters (account_id, day);

create table audit_log (
  id text primary key,
  account_id text not null references accounts(id) on delete cascade,
  workspace_id text references workspaces(id) on delete cascade,
  actor_type text not null,
  actor_id text not null,
  action text not null,
  target_type text,
  target_id text,
  details jsonb not null default '{}',
  request_id text,
  created_at timestamptz not null default now()
);
create index audit_log_account on audit_log (account_id, created_at desc);

create table webhook_subscriptions (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  url text not null,
  secret text not null,
  event_types text[] not null,
  status text not null default 'active' check (status in ('active', 'paused', 'disabled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_subscriptions_workspace on webhook_subscriptions (workspace_id);

create table outbox (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  event_type text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz
);
create index outbox_pending on outbox (created_at) where dispatched_at is null;

create table webhook_deliveries (
  id text primary key,
  subscription_id text not null references webhook_subscriptions(id) on delete cascade,
  outbox_id text not null references outbox(id) on delete cascade,
  attempt integer not null default 1,
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  response_status integer,
  response_body text,
  error text,
  next_attempt_at timestamptz,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at desc);
`;
