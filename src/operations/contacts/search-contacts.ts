import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import { Contact } from '../../domain/contacts/schema.ts';
import { defineOperation } from '../define.ts';
import { DateRangeParams, resolveRange, ResolvedRange } from '../params/dates.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const searchContacts = defineOperation({
  name: 'search_contacts',
  title: 'Search contacts',
  description:
    'Contacts (leads and customers who shared their details) newest first. `search` matches name, email, phone, company ' +
    'name or domain (e.g. "Acme" for leads from Acme Corp). Without `search` or `company_id`, only contacts created in ' +
    'the date range (default: the last 30 days) are listed; with them, all time unless you pass dates. ' +
    'Paginated (per_page up to 100). Call get_contact for notes, conversations and timeline.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    search: z.string().trim().min(1).max(200).optional().describe('Matches name, email, phone, company name or domain.'),
    ...DateRangeParams,
    agent_id: z.string().max(64).optional().describe('Only contacts captured by this agent.'),
    company_id: z.string().max(64).optional(),
    ...PaginationParams,
  }),
  output: z.object({
    contacts: z.array(Contact),
    pagination: PageInfo,
    range: ResolvedRange.nullable().describe('The creation-date window applied, or null for all time.'),
  }),
  rest: { method: 'GET', path: '/contacts' },
  examples: [
    { summary: 'Contacts at a company, by name or domain', input: { search: 'acme' } },
    { summary: 'Contacts created since a date', input: { start_date: '2026-11-01', per_page: 10 } },
  ],
  async run({ db, principal }, input) {
    const tenant = tenantFor(principal, input.workspace);
    const allTime =
      (input.search !== undefined || input.company_id !== undefined) && input.start_date === undefined && input.end_date === undefined;
    const range = allTime ? undefined : resolveRange(input, tenant.workspaces);
    const { total, items } = await contacts.searchContacts(
      db,
      tenant,
      { search: input.search, start: range?.start, end: range?.end, agentId: input.agent_id, companyId: input.company_id },
      pageRequest(input),
    );
    return { contacts: items, pagination: pageInfo(input, total), range: range?.echo ?? null };
  },
});
