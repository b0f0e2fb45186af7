/**
 * The help desk as a support team runs it:
 * - tickets: statuses open, pending (waiting on the customer), in_progress and closed (solved ones are closed); tags;
 *   the company; a one-line summary; when a first response and a resolution are due, when the first response came;
 *   and when anything last happened (`last_activity_at`, "touched");
 * - ticket messages: public replies or internal notes, and delivery status for replies sent from Parley;
 * - full-text search over subjects and messages.
 */
export const sql = /* sql */ `
alter table tickets drop constraint tickets_status_check;
update tickets set status = 'closed' where status = 'solved';
alter table tickets add constraint tickets_status_check check (status in ('open', 'pending', 'in_progress', 'closed'));
alter table tickets add column tags text[] not null default '{}';
alter table tickets add column company_id text references companies(id) on delete set null;
alter table tickets add column summary text;
alter table tickets add column first_response_due_at timestamptz;
alter table tickets add column resolution_due_at timestamptz;
alter table tickets add column first_responded_at timestamptz;
alter table tickets add column last_activity_at timestamptz;
update tickets set last_activity_at = updated_at;
alter table tickets alter column last_activity_at set not null;
alter table tickets alter column last_activity_at set default now();
alter table tickets add column search tsvector generated always as (to_tsvector('english', subject || ' ' || coalesce(summary, ''))) stored;
create index tickets_activity on tickets (workspace_id, last_activity_at desc);
create index tickets_search on tickets using gin (search);

alter table ticket_messages add column visibility text not null default 'public' check (visibility in ('public', 'internal'));
alter table ticket_messages add column status text check (status in ('queued', 'sent', 'delivered', 'read', 'failed'));
alter table ticket_messages add column search tsvector generated always as (to_tsvector('english', body)) stored;
create index ticket_messages_search on ticket_messages using gin (search);
`;
