/**
 * Help-desk writes:
 * - a reply sent from Parley is a conversation message the channel delivers; its ticket message points at it
 *   (`message_id`), so the reply's delivery status is the message's;
 * - who wrote a ticket message from Parley (an AI agent or a person of the account);
 * - the ticket timeline: one row per change of a field, with who made it and through which key or app.
 */
export const sql = /* sql */ `
alter table ticket_messages add column sender_type text check (sender_type in ('agent', 'user'));
alter table ticket_messages add column sender_id text;
alter table ticket_messages add column message_id text references messages(id) on delete set null;

create table ticket_events (
  id text primary key,
  ticket_id text not null references tickets(id) on delete cascade,
  workspace_id text not null references workspaces(id) on delete cascade,
  field text not null,
  old_value jsonb,
  new_value jsonb,
  actor_id text not null,
  via text not null,
  created_at timestamptz not null default now()
);
create index ticket_events_ticket on ticket_events (ticket_id, created_at);
`;
