/**
 * Outgoing messages. Parley is not an e-mail or telephone provider: a message sent through it is stored `queued` and
 * announced on the outbox; the business's channel integration delivers it and reports back (`sent`, `delivered`,
 * `read`, or `failed` with a reason). Messages received, and those shown live in the web widget, carry no status.
 * - status, status_reason, status_at: where the message is in delivery, why it failed, and since when;
 * - sender_type, sender_id: the AI agent or the person it was sent as;
 * - channel_id, recipient: the channel that delivers it and the address it goes to (an e-mail or E.164 number),
 *   fixed when it was sent, so a later edit to the contact does not redirect it;
 * - external_id: the integration's own id for it, given with a report.
 */
export const sql = /* sql */ `
alter table messages add column status text check (status in ('queued', 'sent', 'delivered', 'read', 'failed'));
alter table messages add column status_reason text;
alter table messages add column status_at timestamptz;
alter table messages add column sender_type text check (sender_type in ('agent', 'user'));
alter table messages add column sender_id text;
alter table messages add column channel_id text references channels(id) on delete set null;
alter table messages add column recipient text;
alter table messages add column external_id text;
create index messages_outgoing on messages (workspace_id, status, created_at) where status is not null;
`;
