/**
 * The write side: every write is recorded in the audit log and announces its domain event on the outbox, in its own
 * transaction; a write given an idempotency key stores its answer, byte for byte, for retries.
 * - idempotency_records: the answer as the exact JSON text sent (jsonb would reorder it), null while the write that
 *   claimed the key is still running;
 * - audit_log: who acted (a key, or an OAuth grant and the person who approved it), through which surface, with
 *   which idempotency key;
 * - outbox: one row per domain event, with the account for tenant filtering and the event's subject;
 * - notes: who wrote one (a key or a person) beside the name shown, and when it was last edited;
 * - custom_attributes: the typed attributes a workspace defines for its contacts (values live in contacts.attributes).
 */
export const sql = /* sql */ `
alter table idempotency_records alter column response drop not null;
alter table idempotency_records alter column response type text using response::text;
create index idempotency_records_created on idempotency_records (created_at);

alter table audit_log rename column action to operation;
alter table audit_log add column actor_user_id text references users(id) on delete set null;
alter table audit_log add column surface text;
alter table audit_log add column idempotency_key text;
create index audit_log_target on audit_log (account_id, target_id);

alter table outbox add column account_id text references accounts(id) on delete cascade;
update outbox o set account_id = w.account_id from workspaces w where w.id = o.workspace_id;
alter table outbox alter column account_id set not null;
alter table outbox add column subject_type text;
alter table outbox add column subject_id text;
create index outbox_subject on outbox (account_id, subject_id);

alter table notes add column author_id text;
alter table notes add column updated_at timestamptz;

create table custom_attributes (
  id text primary key,
  workspace_id text not null references workspaces(id) on delete cascade,
  name text not null,
  label text not null,
  type text not null check (type in ('text', 'number', 'boolean', 'date', 'select')),
  options text[],
  description text,
  created_at timestamptz not null default now(),
  unique (workspace_id, name),
  check ((type = 'select') = (options is not null))
);
`;
