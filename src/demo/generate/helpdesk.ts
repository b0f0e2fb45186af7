import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TARGET_HOURS } from '../../domain/tickets/schema.ts';
import { seededIds } from '../../ids.ts';
import { Random } from '../random.ts';
import { iso, type Workspace } from './workspace.ts';

const HOUR = 3600_000;

interface Thread {
  subject: string;
  summary: string;
  tags: string[];
  customer: string[];
  reply: string;
  note: string;
}

const THREADS: Record<'saas' | 'clinic', Thread[]> = {
  saas: [
    {
      subject: 'Refund for annual renewal',
      summary: 'Wants the annual renewal refunded; renewed by mistake two days ago.',
      tags: ['billing', 'refund'],
      customer: ['We renewed the annual plan by mistake two days ago. Can we get a refund?', 'Any update? Finance is asking.'],
      reply: 'Thanks for reaching out. Annual renewals are refundable within 30 days; I have started the refund.',
      note: 'Renewal within 30 days: eligible. Refund issued in Stripe.',
    },
    {
      subject: 'Charged twice this month',
      summary: 'Two identical charges on the card this month; asks for the duplicate back.',
      tags: ['billing', 'double-charge'],
      customer: ['I see two charges of $199 on our card for November.', 'Please reverse the second one.'],
      reply: 'Sorry about that. The second charge was a retry after a decline; it is refunded and will show in 5 business days.',
      note: 'Card retry after decline. Duplicate refunded.',
    },
    {
      subject: 'Dashboard not loading (outage?)',
      summary: 'Dashboards time out for the whole team since this morning.',
      tags: ['outage', 'bug'],
      customer: ['None of our dashboards load since 9am. Is there an outage?', 'Still down for us.'],
      reply: 'We are seeing elevated errors in the EU region and are on it. I will update you within the hour.',
      note: 'Linked to the incident in the EU region. Engineering is rolling back.',
    },
    {
      subject: 'Move our workshop seats to next month',
      summary: 'Asks to move three workshop seats to next month; the workshop is in two days.',
      tags: ['workshop', 'booking-change'],
      customer: ['Can we move our three seats at the Berlin workshop to the December date?'],
      reply: 'Happy to help. December still has space; I have moved your seats.',
      note: 'Inside 48 hours of the workshop; moved as a goodwill exception.',
    },
    {
      subject: 'SSO setup with Okta fails',
      summary: 'SAML login with Okta returns an audience mismatch error.',
      tags: ['sso', 'security'],
      customer: ['Our Okta SAML login fails with "audience mismatch".'],
      reply: 'The audience must be the entity id shown under Settings → SSO. Could you check it matches exactly?',
      note: 'Common misconfiguration; docs link sent.',
    },
  ],
  clinic: [
    {
      subject: 'Deposit not refunded after cancelling',
      summary: 'Cancelled three days ahead but the $50 deposit was not refunded.',
      tags: ['billing', 'refund', 'deposit'],
      customer: ['I cancelled my cleaning three days before and still have not got my $50 deposit back.'],
      reply: 'You cancelled well ahead, so the deposit is yours. I have refunded it to your card today.',
      note: 'Cancelled > 24 h ahead: refund owed.',
    },
    {
      subject: 'Charged twice for my visit',
      summary: 'The visit was charged twice on the same card.',
      tags: ['billing', 'double-charge'],
      customer: ['My card shows two charges for my visit on Monday.'],
      reply: 'We found the duplicate charge and have refunded it.',
      note: 'Terminal double-submit at the Burbank front desk.',
    },
    {
      subject: 'Change my appointment time',
      summary: 'Needs to move Thursday appointment to the afternoon.',
      tags: ['booking-change'],
      customer: ['Can I move my Thursday appointment to the afternoon?', 'Any time after 2pm works.'],
      reply: 'Done: you are now booked for Thursday at 3:30pm.',
      note: 'Moved to 15:30 with Dr. Patel.',
    },
    {
      subject: 'Online booking page down',
      summary: 'The online booking page shows an error for every slot.',
      tags: ['outage', 'website'],
      customer: ['Your booking page gives an error whenever I pick a time.'],
      reply: 'Thanks for letting us know; the booking page is fixed. Sorry for the trouble.',
      note: 'Calendar sync token expired; renewed.',
    },
  ],
};

/**
 * Help-desk tickets in every status and priority with their threads (refunds, double charges, booking changes,
 * outages): most touched in the last few days, some past their due time. Drawn after everything else, from a generator
 * of their own, so the other rows stay as they were.
 */
export async function helpdesk(w: Workspace): Promise<void> {
  const detail = new Random([...w.ws].reduce((hash, ch) => Math.imul(hash, 41) + ch.charCodeAt(0), 13));
  const id = seededIds(detail.next);
  const now = w.window.now;
  const customers = w.contacts.filter((c) => Date.parse(String(c.created_at)) < now - 10 * 24 * HOUR);
  for (let i = 0; i < 24; i++) {
    const thread = THREADS[w.profile.kind][i % THREADS[w.profile.kind].length]!;
    const status = TICKET_STATUSES[i % TICKET_STATUSES.length]!;
    const priority = TICKET_PRIORITIES[Math.floor(i / TICKET_STATUSES.length) % TICKET_PRIORITIES.length]!;
    const contact = detail.pick(customers);
    const createdAt = now - detail.int(2, 240) * HOUR;
    const targets = TICKET_TARGET_HOURS[priority];
    // Every third open ticket is still waiting for its first response.
    const answered = !(status === 'open' && i % 3 === 0);
    const messages = [
      ...thread.customer.map((body, n) => ({
        role: 'customer' as const,
        body,
        visibility: 'public',
        at: createdAt + n * detail.int(1, 5) * HOUR,
      })),
      ...(answered
        ? [
            { role: 'human' as const, body: thread.reply, visibility: 'public', at: createdAt + detail.int(10, 90) * 60_000 },
            { role: 'human' as const, body: thread.note, visibility: 'internal', at: createdAt + detail.int(95, 180) * 60_000 },
          ]
        : []),
    ]
      .filter((m) => m.at < now)
      .sort((a, b) => a.at - b.at);
    const lastActivity = Math.max(...messages.map((m) => m.at));
    const ticketId = id('ticket', createdAt);
    await w.sink.push('tickets', {
      id: ticketId,
      workspace_id: w.ws,
      contact_id: contact.id,
      company_id: contact.company_id ?? null,
      conversation_id: null,
      subject: thread.subject,
      summary: thread.summary,
      status,
      priority,
      tags: thread.tags,
      assignee: status === 'open' && !answered ? null : detail.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']),
      first_response_due_at: iso(createdAt + targets.firstResponse * HOUR),
      resolution_due_at: iso(createdAt + targets.resolution * HOUR),
      first_responded_at: answered ? iso(messages.find((m) => m.role === 'human')?.at ?? createdAt) : null,
      created_at: iso(createdAt),
      updated_at: iso(lastActivity),
      last_activity_at: iso(lastActivity),
      closed_at: status === 'closed' ? iso(lastActivity) : null,
    });
    for (const message of messages) {
      await w.sink.push('ticket_messages', {
        id: id('ticketMessage', message.at),
        ticket_id: ticketId,
        workspace_id: w.ws,
        author_role: message.role,
        author_name: message.role === 'customer' ? contact.name : detail.pick(['Dana Reyes', 'Sam Okafor', 'Maria Lopez']),
        body: message.body,
        visibility: message.visibility,
        created_at: iso(message.at),
      });
    }
  }
}
