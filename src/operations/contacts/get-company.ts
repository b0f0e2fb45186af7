import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import { Contact, Note } from '../../domain/contacts/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { CompanyWithCounts } from './list-companies.ts';

const CONTACTS = 25;
const NOTES = 20;

export const getCompany = defineOperation({
  name: 'get_company',
  title: 'Get a company',
  description:
    `One company with its latest ${CONTACTS} contacts and ${NOTES} notes, and counts of contacts and enriched visitors. ` +
    'For more of its contacts use search_contacts with company_id.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ company_id: z.string().min(1).max(64).describe('A company id (co_...).') }),
  output: z.object({ company: CompanyWithCounts, contacts: z.array(Contact), notes: z.array(Note), notes_total: z.number().int() }),
  rest: { method: 'GET', path: '/companies/{company_id}' },
  examples: [{ summary: 'A company with its contacts and notes', input: { company_id: 'co_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const tenant = tenantOf(principal);
    const company = await contacts.getCompany(db, tenant, input.company_id);
    if (!company) throw notFound('company', input.company_id, 'Use list_companies to find company ids.');
    const people = await contacts.searchContacts(db, tenant, { companyId: company.id }, { limit: CONTACTS, offset: 0 });
    const notes = await contacts.notesOf(db, { company }, NOTES);
    return {
      company,
      contacts: people.items,
      notes,
      notes_total: notes.length < NOTES ? notes.length : await contacts.countNotes(db, { company }),
    };
  },
});
