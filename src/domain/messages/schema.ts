import * as z from 'zod';

/**
 * Where an outgoing message is in delivery. It moves forward only: queued → sent → delivered → read, or to failed
 * from queued or sent. Received messages, and those shown live in the web widget, have none.
 */
export const DeliveryStatus = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

const RANK = { queued: 0, sent: 1, delivered: 2, read: 3 } as const;

/**
 * What a delivery report does to a message: `apply` moves it on; `stale` is a report that arrived after a later one
 * (delivered after read), answered with the message as it is; `conflict` cannot happen to a message (failed after
 * delivered). A failed message can still be reported sent, delivered or read: the integration's retry got through.
 */
export function reportEffect(current: DeliveryStatus, reported: Exclude<DeliveryStatus, 'queued'>): 'apply' | 'stale' | 'conflict' {
  if (reported === 'failed') return current === 'failed' ? 'stale' : current === 'queued' || current === 'sent' ? 'apply' : 'conflict';
  if (current === 'failed') return 'apply';
  return RANK[reported] > RANK[current] ? 'apply' : 'stale';
}

/** The channels a message can be sent to a contact on, and the contact field that addresses each. */
export const SENDABLE_CHANNELS = {
  email: 'email',
  sms: 'phone',
  whatsapp: 'phone',
} as const;
export type SendableChannel = keyof typeof SENDABLE_CHANNELS;

/** An outgoing message as its channel integration needs it: where it goes, what it says, and where it is in delivery. */
export const OutgoingMessage = z.object({
  id: z.string(),
  workspace_id: z.string(),
  conversation_id: z.string(),
  contact_id: z.string().nullable(),
  channel: z.string().describe('The conversation channel: web, email, sms, whatsapp, ...'),
  channel_id: z.string().nullable().describe('The workspace channel (ch_...) that delivers it.'),
  recipient: z.string().nullable().describe('The address it goes to: an e-mail address or an E.164 number; none on web.'),
  subject: z.string().nullable().describe('The conversation subject (the e-mail subject on email).'),
  role: z.enum(['agent', 'human']).describe('agent: sent as an AI agent; human: as a person of the account.'),
  author_name: z.string().nullable(),
  sender_id: z.string().describe('The agent (ag_...) or person (usr_...) it was sent as.'),
  body: z.string(),
  status: DeliveryStatus,
  status_reason: z.string().nullable().describe('Why it failed, as the integration reported.'),
  status_at: z.string(),
  external_id: z.string().nullable().describe("The channel integration's own id for it."),
  created_at: z.string(),
});
export type OutgoingMessage = z.infer<typeof OutgoingMessage>;

/** Someone a message can be sent as: an AI agent (of one workspace) or a person of the account. */
export const Sender = z.object({
  type: z.enum(['agent', 'user']),
  id: z.string(),
  name: z.string(),
  workspace_id: z.string().nullable(),
});
export type Sender = z.infer<typeof Sender>;

/** A workspace channel, and whether send_contact_message can queue messages for it. */
export const SendingChannel = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  can_send: z.boolean(),
});
export type SendingChannel = z.infer<typeof SendingChannel>;
