/**
 * Events arrive from outside: a tracked event keeps the user id it was sent with and, when the sender gave one, its
 * own id, which the workspace holds once (a retried send counts once). Visitors keep the ad click ids of their first
 * visit. A workspace lists the web origins whose pages may send it events with a publishable key.
 */
export const sql = /* sql */ `
alter table events add column user_id text;
alter table events add column dedupe_key text;
create unique index events_dedupe on events (workspace_id, dedupe_key) where dedupe_key is not null;
alter table visitors add column click_ids jsonb not null default '{}';
alter table workspaces add column tracking_origins text[] not null default '{}';
`;
