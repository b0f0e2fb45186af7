import * as z from 'zod';
import * as events from '../../domain/events/queries.ts';
import { Event } from '../../domain/events/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';

export const getEvent = defineOperation({
  name: 'get_event',
  title: 'Get an event',
  description:
    'One event by id (evt_...) with all its properties, its page, source, medium and campaign, and the visitor, contact ' +
    'and conversation it belongs to. Find ids with query_events.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ event_id: z.string().min(1).max(64) }),
  output: z.object({ event: Event }),
  rest: { method: 'GET', path: '/events/{event_id}' },
  examples: [{ summary: 'One event whole', input: { event_id: 'evt_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const event = await events.getEvent(db, tenantOf(principal), input.event_id);
    if (!event) throw notFound('event', input.event_id, 'Use query_events to find event ids.');
    return { event };
  },
});
