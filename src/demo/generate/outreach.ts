import type { Row } from './sink.ts';
import { DAY, iso, type Workspace } from './workspace.ts';

type Status = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

const FAILURES = ['Mailbox unavailable (550 5.1.1 user unknown)', 'Recipient opted out of messages', 'Carrier rejected the number'];

/**
 * Messages the business sent its contacts from Parley (e-mail threads; appointment texts at the clinic), in every
 * delivery state: the first five threads take one state each, the rest are drawn. Queued ones are minutes old, as if
 * the channel integration had not yet picked them up. Drawn after everything else, so the other rows stay as they were.
 */
export async function outreach(w: Workspace): Promise<void> {
  const { rng, id, sink, ws, profile, window } = w;
  const setupAt = window.start - 20 * DAY;
  const clinic = profile.kind === 'clinic';
  const channels: Array<{ kind: string; name: string; status: 'active' | 'disabled'; config: Row }> = [
    {
      kind: 'email',
      name: 'Support inbox',
      status: 'active',
      config: { address: clinic ? 'hello@bluebird.example' : 'support@northwind.example' },
    },
    clinic
      ? { kind: 'sms', name: 'Appointment texts', status: 'active', config: { number: '+1 626 555 0100' } }
      : { kind: 'whatsapp', name: 'WhatsApp Business', status: 'disabled', config: { number: '+1 415 555 0199' } },
  ];
  const channelIds = new Map<string, string>();
  for (const channel of channels) {
    const channelId = id('channel', setupAt);
    channelIds.set(channel.kind, channelId);
    await sink.push('channels', { id: channelId, workspace_id: ws, agent_id: null, ...channel, created_at: iso(setupAt) });
  }
  const agentIndex = clinic ? 0 : 1;
  const agent = { id: w.agentIds[agentIndex]!, name: profile.agents[agentIndex]!.name };
  const kind = clinic ? 'sms' : 'email';
  const reachable = w.contacts.filter((c) => (kind === 'sms' ? c.phone : c.email) && Date.parse(String(c.created_at)) < window.now - DAY);
  const STATES: Status[] = ['queued', 'sent', 'delivered', 'read', 'failed'];
  for (const [index, contact] of rng.sample(reachable, Math.min(reachable.length, clinic ? 16 : 24)).entries()) {
    const status: Status =
      STATES[index] ??
      rng.weighted([
        ['delivered', 5],
        ['read', 3],
        ['sent', 1],
        ['failed', 1],
      ] as const);
    const sentAt =
      status === 'queued' ? window.now - rng.int(2, 20) * 60_000 : window.now - rng.int(1, 28) * DAY - rng.int(0, 600) * 60_000;
    const firstName = String(contact.name).split(' ')[0];
    const [subject, body] = clinic
      ? [
          null,
          `Hi ${firstName}, a reminder from Bluebird Dental: your appointment is tomorrow at ${rng.pick(['9:00', '11:30', '15:00'])}. Reply C to confirm.`,
        ]
      : rng.pick([
          ['Your Northwind trial', `Hi ${firstName}, how is your trial going? Happy to walk your team through funnels this week.`],
          ['Following up on your demo', `Hi ${firstName}, thanks for your time today. The recording and pricing sheet are attached.`],
          ['Your invoice question', `Hi ${firstName}, we looked into the invoice you asked about; the duplicate charge is refunded.`],
        ]);
    const conversationId = id('conversation', sentAt);
    const messages: Row[] = [
      {
        id: id('message', sentAt),
        conversation_id: conversationId,
        workspace_id: ws,
        role: 'agent',
        author_name: agent.name,
        body,
        created_at: iso(sentAt),
        status,
        status_reason: status === 'failed' ? rng.pick(FAILURES) : null,
        status_at: iso(status === 'queued' ? sentAt : sentAt + rng.int(5, 3600) * 1000),
        sender_type: 'agent',
        sender_id: agent.id,
        channel_id: channelIds.get(kind),
        recipient: kind === 'sms' ? contact.phone : contact.email,
        external_id: status === 'queued' ? null : `${kind}-${rng.int(100000, 999999)}`,
      },
    ];
    const replied = (status === 'read' || status === 'delivered') && rng.chance(0.5);
    if (replied) {
      const repliedAt = sentAt + rng.int(10, 600) * 60_000;
      messages.push({
        id: id('message', repliedAt),
        conversation_id: conversationId,
        workspace_id: ws,
        role: 'visitor',
        author_name: contact.name,
        body: clinic ? 'C' : rng.pick(['Thanks, that helps!', 'Could we do Thursday instead?', 'Great, forwarding to my team.']),
        created_at: iso(repliedAt),
      });
    }
    const lastAt = Date.parse(String(messages.at(-1)!.created_at));
    await sink.push('conversations', {
      id: conversationId,
      workspace_id: ws,
      agent_id: agent.id,
      visitor_id: null,
      contact_id: contact.id,
      channel: kind,
      status: replied || status === 'failed' ? 'closed' : 'open',
      subject,
      summary: null,
      message_count: messages.length,
      visitor_message_count: replied ? 1 : 0,
      started_at: iso(sentAt),
      last_message_at: iso(lastAt),
      created_at: iso(sentAt),
    });
    for (const message of messages) await sink.push('messages', message);
  }
}
