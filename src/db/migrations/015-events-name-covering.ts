/**
 * The events by workspace, name and time also carry their visitor and id, so a funnel over a month of millions of
 * events reads this index alone (an index-only scan) instead of the table's pages. It replaces `events_name`, whose
 * lookups it serves the same. Built concurrently: on a live PostgreSQL the events table takes writes meanwhile.
 */
export const statements = [
  'create index concurrently if not exists events_name_visitor on events (workspace_id, name, occurred_at desc) include (visitor_id, id)',
  'drop index concurrently if exists events_name',
];
