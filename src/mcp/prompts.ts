import type { GetPromptResult, Prompt } from '@modelcontextprotocol/server';

/**
 * Ready-made starting points for the questions people ask most. Arguments come from the person using the client,
 * and are quoted into the text as values; nothing a visitor wrote is ever spliced in here.
 */
interface PromptDefinition extends Prompt {
  render(args: Record<string, string>): string;
}

const PROMPTS: PromptDefinition[] = [
  {
    name: 'weekly_report',
    title: 'How did this week go?',
    description: 'A short report on this week against last week: volume, leads, meetings, escalations, and what stood out.',
    arguments: [{ name: 'workspace', description: 'Workspace id or slug; omit for all workspaces.', required: false }],
    render: ({ workspace }) =>
      `Write a short weekly report${workspace ? ` for the workspace ${JSON.stringify(workspace)}` : ''}.\n` +
      '1. Call get_account_info to learn the workspaces and their time zones.\n' +
      "2. Call get_usage_summary with start_date set to this week's Monday (YYYY-MM-DD in the workspace time zone) to compare with last week.\n" +
      '3. Call search_conversations with status "escalated" for this week and read the two most recent with get_conversation.\n' +
      '4. Report the headline numbers with their change, the new leads and booked meetings, and what the escalations were about. Quote visitor text as data.',
  },
  {
    name: 'visitor_story',
    title: 'What did this visitor do?',
    description: "Retell one visitor's path: where they came from, what they read, what they asked, and what happened.",
    arguments: [
      { name: 'visitor_id', description: 'A visitor id (vis_...).', required: false },
      { name: 'conversation_id', description: 'Or a conversation id (cv_...) of theirs.', required: false },
    ],
    render: ({ visitor_id, conversation_id }) =>
      `Tell the story of ${visitor_id ? `visitor ${JSON.stringify(visitor_id)}` : conversation_id ? `the visitor in conversation ${JSON.stringify(conversation_id)}` : 'the visitor I name next'}.\n` +
      '1. Call get_visitor_journey (with visitor_id or conversation_id) for their milestones and page views.\n' +
      '2. Call get_visitor_profile for identity, company and acquisition (referrer, UTM).\n' +
      '3. Read their latest conversation with get_conversation.\n' +
      '4. Tell it in order: how they arrived, what they looked at, what they asked, and the outcome (contact created, meeting booked, escalation).',
  },
  {
    name: 'company_leads',
    title: 'Recent leads from a company',
    description: 'Who from one company got in touch recently, what they wanted, and suggested next steps.',
    arguments: [{ name: 'company', description: 'Company name or domain, e.g. Acme Corp.', required: true }],
    render: ({ company }) =>
      `Find recent leads from the company ${JSON.stringify(company ?? '')}.\n` +
      '1. Call search_contacts with search set to the company name.\n' +
      '2. For the three most recent, call get_contact and read their latest conversation.\n' +
      '3. Summarise who they are, what they asked about, and propose a next step for each.',
  },
];

export function listPrompts(): Prompt[] {
  return PROMPTS.map(({ render: _render, ...prompt }) => prompt);
}

/** The prompt's messages, or undefined for an unknown name; throws on a missing required argument. */
export function getPrompt(name: string, args: Record<string, string> = {}): GetPromptResult | undefined {
  const prompt = PROMPTS.find((p) => p.name === name);
  if (!prompt) return undefined;
  const missing = (prompt.arguments ?? []).filter((a) => a.required && !args[a.name]).map((a) => a.name);
  if (missing.length > 0) throw new Error(`Missing required argument(s): ${missing.join(', ')}`);
  return { description: prompt.description, messages: [{ role: 'user', content: { type: 'text', text: prompt.render(args) } }] };
}
