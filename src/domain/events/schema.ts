import * as z from 'zod';

export const EVENT_KINDS = ['journey', 'browser', 'custom'] as const;

/** Journey milestones Parley itself records; custom events may use any other name. */
export const JOURNEY_EVENTS = ['session_started', 'contact_created', 'identified', 'meeting_booked', 'escalation', 'buyer_intent'] as const;

export const Event = z.object({
  id: z.string(),
  workspace_id: z.string(),
  kind: z.enum(EVENT_KINDS),
  name: z.string(),
  visitor_id: z.string().nullable(),
  contact_id: z.string().nullable(),
  conversation_id: z.string().nullable(),
  occurred_at: z.string(),
  url: z.string().nullable(),
  path: z.string().nullable(),
  page_title: z.string().nullable(),
  referrer: z.string().nullable(),
  source: z.string().nullable(),
  medium: z.string().nullable(),
  campaign: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
});
export type Event = z.infer<typeof Event>;
