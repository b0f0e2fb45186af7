import type { Toolset } from '../define.ts';
import { listEventTypes } from './list-event-types.ts';
import { listEvents } from './list-events.ts';

export const events: Toolset = {
  id: 'events',
  description: 'Analytics events recorded on the sites, and which event types exist.',
  default: true,
  instructions: 'list_event_types shows which events exist and how often they occur; list_events lists events with filters.',
  operations: [listEvents, listEventTypes],
};
