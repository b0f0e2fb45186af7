import { seededIds } from '../../ids.ts';
import { Random } from '../random.ts';
import { DAY, HISTORY_DAYS, iso, makePerson, type Workspace } from './workspace.ts';

/**
 * Phone calls not tied to a web visit (the clinic's front desk; the SaaS sales line). Who called, what was said and
 * the recording are drawn from a generator of their own, so adding them left every other demo row as it was.
 */
export async function standaloneCalls(w: Workspace, count: number): Promise<void> {
  const { rng, id, ws, window } = w;
  const detail = new Random([...ws].reduce((hash, ch) => Math.imul(hash, 31) + ch.charCodeAt(0), 7));
  const detailId = seededIds(detail.next);
  for (let i = 0; i < count; i++) {
    const at = window.now - Math.floor(rng.next() * HISTORY_DAYS * DAY);
    const status = rng.weighted([
      ['completed', 7],
      ['missed', 2],
      ['voicemail', 1],
    ] as const);
    const duration = status === 'completed' ? rng.int(45, 900) : status === 'voicemail' ? rng.int(10, 60) : 0;
    const person = makePerson(w, undefined);
    const callId = id('call', at);
    const known = w.contacts.length > 0 && detail.chance(0.4) ? detail.pick(w.contacts) : undefined;
    const caller = {
      name: (known?.name as string | undefined) ?? person.name,
      phone: (known?.phone as string | null | undefined) ?? person.phone,
    };
    await w.sink.push('calls', {
      id: callId,
      workspace_id: ws,
      agent_id: w.agentIds[0],
      contact_id: known?.id ?? null,
      visitor_id: null,
      direction: rng.chance(0.8) ? 'inbound' : 'outbound',
      status,
      from_number: caller.phone,
      to_number: '+1 626 555 0100',
      duration_seconds: duration,
      summary:
        status === 'completed'
          ? rng.pick(
              w.profile.kind === 'clinic'
                ? ['Booked a cleaning.', 'Asked about insurance coverage.', 'Rescheduled an appointment.']
                : ['Discussed Scale plan pricing.', 'Follow-up after demo.', 'Billing question.'],
            )
          : null,
      transcript: status === 'completed' ? transcript(detail, w.profile.kind, caller.name) : null,
      recording_url: status === 'completed' ? `https://recordings.example/${callId}.mp3` : null,
      started_at: iso(at),
      ended_at: iso(at + duration * 1000),
    });
    if (w.profile.kind === 'clinic' && rng.chance(0.25)) {
      const startsAt = at + rng.int(1, 14) * DAY;
      await w.sink.push('reservations', {
        id: id('reservation', at),
        workspace_id: ws,
        contact_id: known?.id ?? null,
        party_size: rng.int(1, 3),
        starts_at: iso(startsAt),
        status: startsAt < window.now ? 'completed' : 'confirmed',
        notes: 'Family cleaning block',
        created_at: iso(at),
        ends_at: iso(startsAt + detail.pick([60, 90, 120]) * 60_000),
        resource: `Chair ${detail.int(1, 4)}`,
        guest_name: caller.name,
      });
    } else if (w.profile.kind === 'saas' && detail.chance(0.3)) {
      // Seats at a hands-on onboarding workshop, booked on the call.
      const startsAt = new Date(at + detail.int(3, 30) * DAY).setUTCHours(detail.pick([9, 14]), 0, 0, 0);
      await w.sink.push('reservations', {
        id: detailId('reservation', at),
        workspace_id: ws,
        contact_id: known?.id ?? null,
        party_size: detail.int(1, 6),
        starts_at: iso(startsAt),
        status:
          startsAt < window.now
            ? detail.weighted([
                ['completed', 4],
                ['cancelled', 1],
              ] as const)
            : detail.weighted([
                ['confirmed', 3],
                ['pending', 1],
                ['cancelled', 1],
              ] as const),
        notes: detail.chance(0.5) ? 'Needs a vegetarian lunch.' : null,
        created_at: iso(at),
        ends_at: iso(startsAt + 3 * 3600_000),
        resource: detail.pick(['Onboarding workshop, Room A', 'Onboarding workshop, Room B', 'Analytics masterclass']),
        guest_name: caller.name,
      });
    }
  }
}

/** A short call transcript, one `Speaker: line` per turn. */
function transcript(rng: Random, kind: 'saas' | 'clinic', caller: string): string {
  const first = caller.split(' ')[0];
  const turns =
    kind === 'clinic'
      ? [
          `Front desk: Bluebird Dental, this is Maria. How can I help?`,
          `${first}: Hi, I'd like to ${rng.pick(['book a cleaning', 'move my appointment', 'ask about my insurance'])}.`,
          `Front desk: Of course. ${rng.pick(['We have Thursday at 10:00 or Friday at 15:30.', 'Which day suits you best?', 'We accept most PPO plans; may I have your member ID?'])}`,
          `${first}: ${rng.pick(['Thursday works.', 'Friday, please.', 'Sure, one moment.'])}`,
          `Front desk: You're all set. Remember, you can cancel up to 24 hours before at no charge.`,
        ]
      : [
          `Sales: Northwind, this is Sam speaking.`,
          `${first}: Hi, ${rng.pick(['we are comparing analytics tools', 'I have a question about our invoice', 'I saw the Scale plan on your site'])}.`,
          `Sales: ${rng.pick(['Happy to help. How big is your team?', 'Let me pull up your account.', 'Scale includes SSO and unlimited seats.'])}`,
          `${first}: ${rng.pick(['About 25 people.', 'Thanks, the charge from last week.', 'What does onboarding look like?'])}`,
          `Sales: I'll send a summary by e-mail today.`,
        ];
  return turns.join('\n');
}
