import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { patchedFields } from '../params/merge-patch.ts';
import { refuseTaken } from '../params/taken.ts';
import { CompanyFieldParams } from '../params/contact-fields.ts';
import { rowTenant } from '../params/workspace.ts';
import { CompanyWithCounts } from './list-companies.ts';

const FIELDS = ['name', 'domain', 'industry', 'employee_count', 'country', 'attributes'] as const;

export const updateCompany = defineOperation({
  name: 'update_company',
  title: 'Update a company',
  description:
    'Changes a company by JSON merge patch: a field you give is set, null clears it (not name), a field you leave out ' +
    'stays; attributes merge key by key (null removes one). Refuses a domain another company of the workspace has. ' +
    'Find company ids with list_companies.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    company_id: z.string().min(1).max(64).describe('A company id (co_...).'),
    name: CompanyFieldParams.name.optional(),
    domain: CompanyFieldParams.domain.nullable().optional(),
    industry: CompanyFieldParams.industry.nullable().optional(),
    employee_count: CompanyFieldParams.employee_count.nullable().optional(),
    country: CompanyFieldParams.country.nullable().optional(),
    attributes: CompanyFieldParams.attributes.optional(),
  }),
  output: z.object({ company: CompanyWithCounts, changed: z.array(z.string()).describe('The fields this call was given.') }),
  rest: { method: 'PATCH', path: '/companies/{company_id}' },
  examples: [{ summary: 'Record a headcount', input: { company_id: 'co_01JD0000000000000000000000', employee_count: 250 } }],
  async run({ db, principal }, input) {
    const changed = patchedFields(input, FIELDS);
    const found = await contacts.getCompany(db, tenantOf(principal), input.company_id);
    if (!found) throw notFound('company', input.company_id, 'Use list_companies to find company ids.');
    const tenant = rowTenant(principal, found);
    if (input.domain) {
      const domain = input.domain;
      await refuseTaken(
        db,
        { what: 'Company', field: 'domain', value: domain, owner: found.workspace_id },
        () => contacts.findCompanyByDomain(db, tenant, domain),
        {
          self: found.id,
          hint: 'Each domain belongs to one company per workspace.',
        },
      );
    }
    await contactCommands.patchCompany(db, found, input);
    return { company: (await contacts.getCompany(db, tenant, found.id))!, changed };
  },
  changes: ({ company, changed }) => [
    {
      workspaceId: company.workspace_id,
      subject: { type: 'company', id: company.id },
      event: 'company.updated',
      data: { company, changed },
    },
  ],
});
