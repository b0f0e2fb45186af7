import { seededIds } from '../../ids.ts';
import { Random } from '../random.ts';
import { DAY, iso, type Workspace } from './workspace.ts';

/** What each demo skill is for: when the agent uses it, and how. */
const SKILLS: Record<string, { description: string; trigger: string; instructions: string }> = {
  pricing: {
    description: 'Explains plans and prices.',
    trigger: 'The visitor asks what Northwind costs, or compares plans.',
    instructions: 'Quote list prices from the pricing page only. Offer annual billing (two months free). Never promise discounts.',
  },
  demo_booking: {
    description: 'Books a product demo with sales.',
    trigger: 'The visitor wants to see the product or talk to sales.',
    instructions: 'Ask for work e-mail, company and team size, then offer the next three open demo slots.',
  },
  lead_capture: {
    description: 'Collects contact details from interested visitors.',
    trigger: 'The visitor shows buying intent but will not book yet.',
    instructions: 'Ask for name and work e-mail. Confirm consent before saving them as a contact.',
  },
  knowledge_base: {
    description: 'Answers from the published knowledge base.',
    trigger: 'A product, policy or how-to question.',
    instructions: 'Answer only from published nodes and link the node. Say so when the knowledge base has no answer.',
  },
  billing: {
    description: 'Invoices, refunds and charges.',
    trigger: 'The customer asks about an invoice, a charge or a refund.',
    instructions: 'Refunds within 30 days of a renewal are allowed; anything else goes to a person with a ticket.',
  },
  escalation: {
    description: 'Hands the conversation to a person.',
    trigger: 'The customer is upset, asks for a human, or the question is outside the other skills.',
    instructions: 'Summarise the issue in one line, open a ticket, and tell the customer when a person will reply.',
  },
  appointment_booking: {
    description: 'Books, moves and cancels appointments.',
    trigger: 'The patient wants to book, move or cancel a visit.',
    instructions: 'Offer slots at the nearest location. Cancellations are free up to 24 hours before the visit.',
  },
  insurance: {
    description: 'Which insurers the clinic works with.',
    trigger: 'The patient asks whether their insurance is accepted.',
    instructions: 'Name the insurers from the accepted list; for others, offer a cost estimate instead.',
  },
  faq: {
    description: 'Opening hours, parking and directions.',
    trigger: 'A general question about visiting the clinic.',
    instructions: 'Answer briefly with the location-specific hours and address.',
  },
};

/**
 * Each agent's skills, with instructions and triggers; lead capture is switched off, so some skills are disabled.
 * Drawn after everything else, from a generator of their own, so the other rows stay as they were.
 */
export async function agentSkills(w: Workspace): Promise<void> {
  const detail = new Random([...w.ws].reduce((hash, ch) => Math.imul(hash, 43) + ch.charCodeAt(0), 17));
  const id = seededIds(detail.next);
  const at = w.window.start - 20 * DAY;
  for (const [index, agent] of w.profile.agents.entries()) {
    for (const name of agent.skills) {
      const skill = SKILLS[name];
      await w.sink.push('agent_skills', {
        id: id('skill', at),
        agent_id: w.agentIds[index],
        workspace_id: w.ws,
        name,
        description: skill?.description ?? null,
        trigger: skill?.trigger ?? null,
        instructions: skill?.instructions ?? '',
        enabled: name !== 'lead_capture',
        created_at: iso(at),
        updated_at: iso(at),
      });
    }
  }
}
