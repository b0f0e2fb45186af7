import { DAY, HISTORY_DAYS, iso, makePerson, type Workspace } from './workspace.ts';

/** Phone calls not tied to a web visit (the clinic's front desk; the SaaS sales line). */
export async function standaloneCalls(w: Workspace, count: number): Promise<void> {
  const { rng, id, ws, window } = w;
  for (let i = 0; i < count; i++) {
    const at = window.now - Math.floor(rng.next() * HISTORY_DAYS * DAY);
    const status = rng.weighted([
      ['completed', 7],
      ['missed', 2],
      ['voicemail', 1],
    ] as const);
    const duration = status === 'completed' ? rng.int(45, 900) : status === 'voicemail' ? rng.int(10, 60) : 0;
    const person = makePerson(w, undefined);
    await w.sink.push('calls', {
      id: id('call', at),
      workspace_id: ws,
      agent_id: w.agentIds[0],
      contact_id: null,
      visitor_id: null,
      direction: rng.chance(0.8) ? 'inbound' : 'outbound',
      status,
      from_number: person.phone,
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
      transcript: null,
      started_at: iso(at),
      ended_at: iso(at + duration * 1000),
    });
    if (w.profile.kind === 'clinic' && rng.chance(0.25)) {
      const startsAt = at + rng.int(1, 14) * DAY;
      await w.sink.push('reservations', {
        id: id('reservation', at),
        workspace_id: ws,
        contact_id: null,
        party_size: rng.int(1, 3),
        starts_at: iso(startsAt),
        status: startsAt < window.now ? 'completed' : 'confirmed',
        notes: 'Family cleaning block',
        created_at: iso(at),
      });
    }
  }
}
