/**
 * Events rolled up by hour, visitor and where the visit came from, kept by a trigger in the inserting statement, so
 * analytics over millions of events read a few rows per visitor and hour. Exact, not sampled: a visitor stays a
 * visitor, so distinct counts over any range of whole hours come out as on the raw events. Whole UTC hours are whole
 * hours in every zone whose offset is a whole number of hours; other ranges read the raw events.
 *
 * The source columns hold what `src/domain/analytics/sources.ts` SIGNALS compute from an event (lower-cased, the
 * referrer's host without `www.`, whether a gclid or msclkid was sent); a test holds both paths to the same answers.
 */
/** An event's hour, visitor and signals, with the events and page views they count: for the trigger and the backfill. */
export const ROLLED_UP = /* sql */ `select e.workspace_id, date_trunc('hour', e.occurred_at, 'UTC'), e.visitor_id, lower(e.source),
  lower(e.medium), lower(e.campaign), lower(substring(e.referrer from '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:www\\.)?([^/:?#]+)')),
  e.properties ->> 'gclid' is not null, e.properties ->> 'msclkid' is not null,
  count(*), count(*) filter (where e.name = 'page_view')`;

/** Fills the rollup from the events already there: in this migration, and after a bulk load made with the trigger off. */
export const backfill = /* sql */ `insert into event_hours (workspace_id, hour, visitor_id, source, medium, campaign, referrer_domain, gclid, msclkid,
    events, pageviews)
  ${ROLLED_UP}
  from events e
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9`;

export const sql = /* sql */ `
create table event_hours (
  workspace_id text not null references workspaces(id) on delete cascade,
  hour timestamptz not null,
  visitor_id text,
  source text,
  medium text,
  campaign text,
  referrer_domain text,
  gclid boolean not null,
  msclkid boolean not null,
  events integer not null,
  pageviews integer not null,
  constraint event_hours_key unique nulls not distinct
    (workspace_id, hour, visitor_id, source, medium, campaign, referrer_domain, gclid, msclkid)
);

create function roll_up_event_hours() returns trigger language plpgsql as $$
begin
  -- In key order, so two statements rolling up the same hours lock their rows in turn, never in a cycle.
  insert into event_hours as h (workspace_id, hour, visitor_id, source, medium, campaign, referrer_domain, gclid, msclkid,
      events, pageviews)
    ${ROLLED_UP}
    from new_events e
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    order by 1, 2, 3, 4, 5, 6, 7, 8, 9
  on conflict on constraint event_hours_key
    do update set events = h.events + excluded.events, pageviews = h.pageviews + excluded.pageviews;
  return null;
end $$;

create trigger events_roll_up after insert on events
  referencing new table as new_events for each statement execute function roll_up_event_hours();

${backfill};
`;
