import * as z from 'zod';
import { CLICK_IDS, type IncomingEvent, recordEvents } from '../../domain/events/ingest.ts';
import { JOURNEY_EVENTS } from '../../domain/events/schema.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { describeIssues } from '../invoke.ts';
import { Instant } from '../params/dates.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';

/** How far a sender's clock may run ahead, and how old an event may be sent late (a backfill, an offline queue). */
const MAX_AHEAD_MS = 60 * 60 * 1000;
const MAX_LATE_DAYS = 366;
const MAX_BATCH = 500;
const MAX_PROPERTIES_CHARS = 16 * 1024;

const Text = (max: number) => z.string().trim().min(1).max(max);

const TrackedEventFields = z
  .object({
    event: Text(100)
      .regex(/^[^\s].*$/)
      .refine((name) => !(JOURNEY_EVENTS as readonly string[]).includes(name), 'is a journey milestone Parley records itself')
      .describe('The event name: "signup", "page_view", "agent_task_completed".'),
    anonymous_id: Text(200).optional().describe('The visitor or device; the tracker keeps one per browser.'),
    user_id: Text(200)
      .optional()
      .describe("Who the user is in your system; a contact's id or e-mail links the event and the visitor to that contact."),
    event_id: Text(200).optional().describe('Your id for this event: an event id the workspace has already is not recorded again.'),
    timestamp: Instant.refine((at) => Date.parse(at) <= Date.now() + MAX_AHEAD_MS, 'is more than an hour in the future')
      .refine((at) => Date.parse(at) >= Date.now() - MAX_LATE_DAYS * 86_400_000, `is more than ${MAX_LATE_DAYS} days old`)
      .optional()
      .describe('When it happened (ISO-8601 with offset); default now.'),
    properties: z
      .record(z.string().min(1).max(200), z.unknown())
      .refine((value) => JSON.stringify(value).length <= MAX_PROPERTIES_CHARS, `must be at most ${MAX_PROPERTIES_CHARS / 1024} KB as JSON`)
      .optional()
      .describe(`Anything about the event, as JSON. Click ids (${CLICK_IDS.join(', ')}) count toward the visit's channel.`),
    url: Text(2000).optional().describe("The page's full URL; its utm_* parameters and click ids fill what is not given."),
    path: Text(1000).optional(),
    title: Text(500).optional(),
    referrer: Text(2000).optional(),
    source: Text(200).optional().describe('utm_source'),
    medium: Text(200).optional().describe('utm_medium'),
    campaign: Text(200).optional().describe('utm_campaign'),
    term: Text(200).optional(),
    content: Text(200).optional(),
  })
  .strict();

const TrackedEvent = TrackedEventFields.refine((event) => event.anonymous_id !== undefined || event.user_id !== undefined, {
  message: 'give anonymous_id or user_id (or both)',
  path: ['anonymous_id'],
});

type TrackedEvent = z.output<typeof TrackedEvent>;

export const trackEvent = defineOperation({
  name: 'track_event',
  title: 'Track events',
  description:
    'Records an analytics event (or a batch of up to 500 under `batch`) for a visitor (anonymous_id) and/or a user ' +
    '(user_id), e.g. an agent reporting "agent_task_completed". The visitor profile is created or updated (first and ' +
    'last seen, first-visit source and click ids). An event_id or idempotency_key makes a retry count once. A batch ' +
    'is all or nothing: one bad event refuses it, naming the event by its index.',
  scope: 'ingest',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: TrackedEventFields.partial().extend({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; needed when this credential sees several.'),
    batch: z.array(TrackedEvent).min(1).max(MAX_BATCH).optional().describe('Several events in one call, instead of one.'),
  }),
  output: z.object({
    accepted: z.number().int().describe('Events recorded now.'),
    duplicates: z.number().int().describe('Events whose event_id the workspace had already: not recorded again.'),
    ids: z.array(z.string().nullable()).describe('Per event, in the order sent: its id, or null for a duplicate.'),
  }),
  rest: { method: 'POST', path: '/track' },
  examples: [
    {
      summary: 'An agent reports finished work',
      input: {
        workspace: 'ws_01JD0000000000000000000000',
        event: 'agent_task_completed',
        anonymous_id: 'agent_001',
        user_id: 'user_42',
        properties: { task: 'refactor_billing', duration_ms: 12400 },
      },
    },
  ],
  async run({ db, principal }, input) {
    const { workspace, batch, ...single } = input;
    const events = eventsOf(batch, single);
    const tenant = writeTenant(principal, workspace);
    const kind = principal.credential.kind === 'publishable' ? 'browser' : 'custom';
    // Events sent without a time happened when the call arrived: one instant for the whole batch.
    const receivedAt = new Date();
    const { ids } = await recordEvents(
      db,
      tenant.workspaceIds[0]!,
      kind,
      events.map((event) => incoming(event, receivedAt)),
    );
    const accepted = ids.filter((id) => id !== null).length;
    return { accepted, duplicates: ids.length - accepted, ids };
  },
});

/** The events a call sends: its batch, or the one event its own fields describe. */
function eventsOf(batch: TrackedEvent[] | undefined, single: Partial<TrackedEvent>): TrackedEvent[] {
  const given = Object.values(single).some((value) => value !== undefined);
  if (batch && given) throw invalidArgument('Send one event in the top-level fields or several under batch, not both.');
  if (batch) return batch;
  const parsed = TrackedEvent.safeParse(single);
  if (!parsed.success) throw invalidArgument(describeIssues(parsed.error.issues));
  return [parsed.data];
}

function incoming(event: TrackedEvent, receivedAt: Date): IncomingEvent {
  return {
    name: event.event,
    anonymousId: event.anonymous_id,
    userId: event.user_id,
    eventId: event.event_id,
    occurredAt: event.timestamp ? new Date(event.timestamp) : receivedAt,
    properties: event.properties ?? {},
    url: event.url,
    path: event.path,
    title: event.title,
    referrer: event.referrer,
    source: event.source,
    medium: event.medium,
    campaign: event.campaign,
    term: event.term,
    content: event.content,
  };
}
