import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { defineOperation } from '../define.ts';
import { refuseTaken } from '../params/taken.ts';
import { CompanyFieldParams } from '../params/contact-fields.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';
import { CompanyWithCounts } from './list-companies.ts';

export const createCompany = defineOperation({
  name: 'create_company',
  title: 'Create a company',
  description:
    'Creates a company in one workspace: name (required), web domain, industry, employee count, country (ISO 3166 ' +
    'alpha-2) and custom attributes. Refuses a domain the workspace already has, naming that company. Link contacts to ' +
    'it with patch_contact company_id. Pass idempotency_key so a retry does not create it twice.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; required when the credential sees several.'),
    name: CompanyFieldParams.name,
    domain: CompanyFieldParams.domain.optional(),
    industry: CompanyFieldParams.industry.optional(),
    employee_count: CompanyFieldParams.employee_count.optional(),
    country: CompanyFieldParams.country.optional(),
    attributes: CompanyFieldParams.attributes.optional(),
  }),
  output: z.object({ company: CompanyWithCounts }),
  rest: { method: 'POST', path: '/companies' },
  examples: [
    {
      summary: 'A new account from a demo call',
      input: { workspace: 'ws_01JD0000000000000000000000', name: 'Initech', domain: 'initech.example', employee_count: 120, country: 'US' },
    },
  ],
  async run({ db, principal }, input) {
    const tenant = writeTenant(principal, input.workspace);
    if (input.domain) {
      const domain = input.domain;
      await refuseTaken(
        db,
        { what: 'Company', field: 'domain', value: domain, owner: tenant.workspaceIds[0]! },
        () => contacts.findCompanyByDomain(db, tenant, domain),
        {
          hint: 'Use update_company to change it.',
        },
      );
    }
    const id = await contactCommands.createCompany(db, tenant, input);
    return { company: (await contacts.getCompany(db, tenant, id))! };
  },
  changes: ({ company }) => [
    { workspaceId: company.workspace_id, subject: { type: 'company', id: company.id }, event: 'company.created', data: company },
  ],
});
