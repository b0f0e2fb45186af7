import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import { Company } from '../../domain/contacts/schema.ts';
import { defineOperation } from '../define.ts';
import { PageInfo, pageInfo, pageRequest, PaginationParams } from '../params/pagination.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const CompanyWithCounts = Company.extend({
  contact_count: z.number().int(),
  visitor_count: z.number().int().describe('Visitors whose enrichment matched this company domain.'),
});

export const listCompanies = defineOperation({
  name: 'list_companies',
  title: 'List companies',
  description:
    'Companies known in the workspace (from contacts and visitor enrichment), alphabetical, with how many contacts and ' +
    'visitors belong to each. `search` matches name or domain; `industry` filters exactly. Paginated (per_page up to 100).',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam,
    search: z.string().trim().min(1).max(200).optional(),
    industry: z.string().trim().min(1).max(100).optional(),
    ...PaginationParams,
  }),
  output: z.object({ companies: z.array(CompanyWithCounts), pagination: PageInfo }),
  rest: { method: 'GET', path: '/companies' },
  examples: [{ summary: 'Companies matching a name', input: { search: 'acme' } }],
  async run({ db, principal }, input) {
    const { total, items } = await contacts.listCompanies(
      db,
      tenantFor(principal, input.workspace),
      { search: input.search, industry: input.industry },
      pageRequest(input),
    );
    return { companies: items, pagination: pageInfo(input, total) };
  },
});
