/**
 * One statement trigger keeps both hourly rollups. Until now `visitor_hours` (migration 014) had a trigger of its own,
 * which read the inserted events a second time, grouped them again and looked each visitor's number up again; the
 * rows it needs are the `event_hours` rows of the same statement summed over their traffic signals, so the one trigger
 * now writes both from one grouping. Same rows, same counts; the rollups are written in key order as before, the
 * hours by signals first, then the hours by visitor, so concurrent statements still lock rows in one order.
 */
import { EVENT_HOURS_COLUMNS, ROLL_UP_NEW_SIGNALS, rolledUp, signalsKey } from './018-traffic-signals.ts';

export const sql = /* sql */ `
drop trigger events_roll_up_visitors on events;
drop function roll_up_visitor_hours();

create or replace function roll_up_event_hours() returns trigger language plpgsql as $$
declare
  unknown text[];
begin
  -- One grouping of the batch feeds both rollups: every hour by visitor, which needs no signals, and the hours by
  -- signals whose combination is known go in at once; those of a new combination follow once it is stored.
  with rolled as materialized (select r.*, ${signalsKey('r')} as key,
        (select v.number from visitors v where v.id = r.visitor_id) as visitor_number
      from ${rolledUp('new_events')}),
    signals as materialized (select k.workspace_id, k.key,
        (select t.id from traffic_signals t where t.workspace_id = k.workspace_id and t.key = k.key) as id
      from (select distinct workspace_id, key from rolled) k),
    by_signals as (insert into event_hours as h (${EVENT_HOURS_COLUMNS})
      select r.workspace_id, r.hour, r.visitor_number, s.id, r.events, r.pageviews
      from rolled r join signals s on s.workspace_id = r.workspace_id and s.key = r.key
      where s.id is not null
      order by 1, 2, 3, 4
      on conflict on constraint event_hours_key
        do update set events = h.events + excluded.events, pageviews = h.pageviews + excluded.pageviews),
    by_visitor as (insert into visitor_hours as h (workspace_id, hour, visitor_number, events, pageviews)
      select workspace_id, hour, visitor_number, sum(events), sum(pageviews) from rolled
      group by 1, 2, 3
      order by 1, 2, 3
      on conflict on constraint visitor_hours_key
        do update set events = h.events + excluded.events, pageviews = h.pageviews + excluded.pageviews)
  ${ROLL_UP_NEW_SIGNALS}
`;
