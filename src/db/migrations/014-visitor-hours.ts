/**
 * The events rolled up by hour and visitor alone: the questions that ask nothing of where a visit came from (visitors,
 * events and page views, by time, country, device or workspace) read one row per visitor and hour instead of one per
 * visitor, hour and traffic signals (migration 013). Kept the same way, by a statement trigger, and exact the same way.
 */
/** Fills the rollup from event_hours: in this migration, and after a bulk load made with the trigger off. */
export const backfill = /* sql */ `insert into visitor_hours (workspace_id, hour, visitor_id, events, pageviews)
  select workspace_id, hour, visitor_id, sum(events), sum(pageviews)
  from event_hours
  group by 1, 2, 3
  order by 1, 2, 3`;

export const sql = /* sql */ `
create table visitor_hours (
  workspace_id text not null references workspaces(id) on delete cascade,
  hour timestamptz not null,
  visitor_id text,
  events integer not null,
  pageviews integer not null,
  constraint visitor_hours_key unique nulls not distinct (workspace_id, hour, visitor_id)
);

create function roll_up_visitor_hours() returns trigger language plpgsql as $$
begin
  -- In key order, so two statements rolling up the same hours lock their rows in turn, never in a cycle.
  insert into visitor_hours as h (workspace_id, hour, visitor_id, events, pageviews)
    select e.workspace_id, date_trunc('hour', e.occurred_at, 'UTC'), e.visitor_id, count(*), count(*) filter (where e.name = 'page_view')
    from new_events e
    group by 1, 2, 3
    order by 1, 2, 3
  on conflict on constraint visitor_hours_key
    do update set events = h.events + excluded.events, pageviews = h.pageviews + excluded.pageviews;
  return null;
end $$;

create trigger events_roll_up_visitors after insert on events
  referencing new table as new_events for each statement execute function roll_up_visitor_hours();

${backfill};
`;
