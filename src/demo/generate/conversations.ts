import { TICKET_TARGET_HOURS } from '../../domain/tickets/schema.ts';
import { CLINIC_LOCATIONS, type BusinessProfile, type TopicScript } from '../catalog.ts';
import type { Random } from '../random.ts';
import type { Row, Table } from './sink.ts';
import { DAY, iso, eventRow, contactRow, type Workspace, type Person } from './workspace.ts';

export function conversation(
  w: Workspace,
  visitorId: string,
  start: number,
  person: Person,
  existingContact: Row | undefined,
  traffic: { source: string; medium: string; campaign: string | null },
) {
  const { rng, id, ws, window, profile } = w;
  const topic = rng.weighted(profile.topics);
  const script: TopicScript = profile.scripts[topic]!;
  const agentId =
    topic === 'refund' || topic === 'double_charge' || topic === 'onboarding' ? w.agentIds[w.agentIds.length - 1]! : w.agentIds[0]!;
  const conversationId = id('conversation', start);
  const slotDay = new Date(start + rng.int(1, 6) * DAY);
  const fill = placeholders(rng, person, profile, slotDay);
  const messages: Row[] = [];
  let t = start;
  let visitorMessages = 0;
  for (const [role, variants] of script.turns) {
    t += rng.int(8, 90) * 1000;
    if (t >= window.now) break;
    if (role === 'visitor') visitorMessages++;
    messages.push({
      id: id('message', t),
      conversation_id: conversationId,
      workspace_id: ws,
      role,
      author_name: role === 'visitor' ? null : role === 'agent' ? null : role === 'human' ? 'Support team' : 'Parley',
      body: fill(rng.pick(variants)),
      created_at: iso(t),
    });
  }
  const events: Row[] = [];
  const extra: Array<[Table, Row]> = [];
  let contact = existingContact;
  const lastAt = t;
  const mid = start + Math.floor((lastAt - start) / 2);
  // A conversation still in progress is open; finished ones keep the script's status.
  const status = lastAt > window.now - 2 * 3600_000 && script.status === 'closed' ? 'open' : script.status;
  for (const milestone of visitorMessages > 0 ? script.journey : []) {
    if (milestone === 'contact_created') {
      if (contact) continue;
      contact = contactRow(w, person, mid, agentId);
      events.push(
        eventRow(w, 'journey', 'contact_created', mid, visitorId, {
          contact_id: contact.id,
          conversation_id: conversationId,
          properties: { via: 'chat' },
        }),
      );
      events.push(
        eventRow(w, 'journey', 'identified', mid + 1000, visitorId, {
          contact_id: contact.id,
          conversation_id: conversationId,
          properties: { email: person.email },
        }),
      );
      if (rng.chance(0.3))
        extra.push([
          'notes',
          {
            id: id('note', lastAt),
            workspace_id: ws,
            contact_id: contact.id,
            company_id: null,
            author: rng.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']),
            body: rng.pick([
              'Warm lead — follow up next week.',
              'Asked about annual discount.',
              'Prefers email over phone.',
              'Evaluating two other vendors.',
            ]),
            created_at: iso(lastAt),
          },
        ]);
    } else if (milestone === 'buyer_intent') {
      events.push(
        eventRow(w, 'journey', 'buyer_intent', start + 30_000, visitorId, {
          conversation_id: conversationId,
          contact_id: (contact?.id as string) ?? null,
          properties: { topic, score: rng.int(55, 98) },
        }),
      );
    } else if (milestone === 'meeting_booked') {
      const startsAt = slotDay.setUTCHours(rng.int(15, 22), 0, 0, 0);
      events.push(
        eventRow(w, 'journey', 'meeting_booked', lastAt, visitorId, {
          conversation_id: conversationId,
          contact_id: (contact?.id as string) ?? null,
          properties: { starts_at: iso(startsAt) },
        }),
      );
      extra.push([
        'appointments',
        {
          id: id('appointment', lastAt),
          workspace_id: ws,
          contact_id: contact?.id ?? null,
          visitor_id: visitorId,
          conversation_id: conversationId,
          title: profile.kind === 'saas' ? `Northwind demo with ${person.name}` : `${rng.pick(profile.plans)} — ${person.name}`,
          starts_at: iso(startsAt),
          ends_at: iso(startsAt + (profile.kind === 'saas' ? 30 : 60) * 60_000),
          status:
            startsAt < window.now
              ? rng.weighted([
                  ['completed', 8],
                  ['no_show', 1],
                  ['cancelled', 1],
                ] as const)
              : 'scheduled',
          location: profile.kind === 'saas' ? 'Google Meet' : rng.pick(CLINIC_LOCATIONS),
          notes: null,
          created_at: iso(lastAt),
        },
      ]);
    } else if (milestone === 'escalation') {
      events.push(
        eventRow(w, 'journey', 'escalation', mid, visitorId, {
          conversation_id: conversationId,
          contact_id: (contact?.id as string) ?? null,
          properties: { reason: topic },
        }),
      );
      const ticketId = id('ticket', mid);
      const solved = lastAt < window.now - DAY;
      const priority = topic === 'double_charge' || topic === 'emergency' ? 'high' : 'normal';
      extra.push([
        'tickets',
        {
          id: ticketId,
          workspace_id: ws,
          contact_id: contact?.id ?? null,
          conversation_id: conversationId,
          subject: script.subject,
          status: solved ? 'closed' : 'open',
          priority,
          assignee: rng.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']),
          tags: [topic.replaceAll('_', '-'), 'escalated'],
          company_id: contact?.company_id ?? null,
          first_response_due_at: iso(mid + TICKET_TARGET_HOURS[priority].firstResponse * (DAY / 24)),
          resolution_due_at: iso(mid + TICKET_TARGET_HOURS[priority].resolution * (DAY / 24)),
          first_responded_at: solved ? iso(lastAt) : null,
          created_at: iso(mid),
          updated_at: iso(lastAt),
          last_activity_at: iso(lastAt),
          closed_at: solved ? iso(lastAt) : null,
        },
      ]);
      extra.push([
        'ticket_messages',
        {
          id: id('ticketMessage', mid),
          ticket_id: ticketId,
          workspace_id: ws,
          author_role: 'system',
          author_name: 'Parley',
          body: `Escalated from conversation ${conversationId}: ${script.subject}.`,
          created_at: iso(mid),
        },
      ]);
      if (solved)
        extra.push([
          'ticket_messages',
          {
            id: id('ticketMessage', lastAt),
            ticket_id: ticketId,
            workspace_id: ws,
            author_role: 'human',
            author_name: 'Support team',
            body: 'Resolved with the customer in chat.',
            created_at: iso(lastAt),
          },
        ]);
    }
  }
  const conversation: Row = {
    id: conversationId,
    workspace_id: ws,
    agent_id: agentId,
    visitor_id: visitorId,
    contact_id: contact?.id ?? null,
    channel: 'web',
    status,
    subject: script.subject,
    summary: visitorMessages > 0 ? `${script.subject} (${traffic.source}/${traffic.medium})` : 'Greeting only; the visitor did not reply.',
    message_count: messages.length,
    visitor_message_count: visitorMessages,
    started_at: iso(start),
    last_message_at: iso(Math.max(start, lastAt)),
    created_at: iso(start),
  };
  return { conversation, messages, events, extra, contact: contact === existingContact ? undefined : contact };
}

function placeholders(rng: Random, person: Person, profile: BusinessProfile, slotDay: Date) {
  const plan = rng.pick(profile.plans);
  const values: Record<string, string> = {
    name: person.name,
    first_name: person.firstName,
    email: person.email,
    phone: person.phone,
    company: person.company?.name ?? 'my company',
    industry: person.company?.industry.toLowerCase() ?? 'our',
    plan,
    seats: String(rng.pick([5, 10, 25, 50])),
    price: String(rng.pick(profile.kind === 'saas' ? [49, 199, 499] : [129, 180, 450, 4500])),
    amount: String(rng.pick(profile.kind === 'saas' ? [49, 199, 499, 2388] : [50, 129, 180])),
    date: slotDay.toISOString().slice(0, 10),
    slot: `${slotDay.toUTCString().slice(0, 11)} at ${rng.pick(['10:00', '11:30', '14:00', '15:30'])}`,
    location: rng.pick(CLINIC_LOCATIONS),
    product: profile.kind === 'saas' ? 'Northwind Analytics' : 'Bluebird Dental',
  };
  return (text: string) => text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
