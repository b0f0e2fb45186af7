import type { Toolset } from '../define.ts';
import { listEventTypes } from './list-event-types.ts';
import { getEvent } from './get-event.ts';
import { queryEvents } from './query-events.ts';
import { topSources } from './top-sources.ts';

export const events: Toolset = {
  id: 'events',
  description: 'Analytics events recorded on the sites, which event types exist, and where the traffic came from.',
  default: true,
  instructions:
    'list_event_types shows which events exist and how often they occur; query_events lists raw events with filters and get_event reads one whole; ' +
    'top_sources counts events and visitors by source, medium, campaign or channel in one call.',
  operations: [queryEvents, getEvent, listEventTypes, topSources],
};
