import type { Toolset } from '../define.ts';
import { listEventTypes } from './list-event-types.ts';
import { listEvents } from './list-events.ts';
import { topSources } from './top-sources.ts';

export const events: Toolset = {
  id: 'events',
  description: 'Analytics events recorded on the sites, which event types exist, and where the traffic came from.',
  default: true,
  instructions:
    'list_event_types shows which events exist and how often they occur; list_events lists events with filters; ' +
    'top_sources counts events and visitors by source, medium, campaign or channel in one call.',
  operations: [listEvents, listEventTypes, topSources],
};
