import * as z from 'zod';
import { getCompany as getOne } from '../../domain/contacts/companies.ts';
import { countNotes, notesOf, searchContacts } from '../../domain/contacts/contacts.ts';
import { Contact, Note } from '../../domain/contacts/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { ids } from '../params/workspace.ts';
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
  async run({ db, principal }, input) {
    const workspaceIds = ids(principal.workspaces);
    const company = await getOne(db, workspaceIds, input.company_id);
    if (!company) throw notFound('company', input.company_id, 'Use list_companies to find company ids.');
    const contacts = await searchContacts(db, { workspaceIds, companyId: company.id }, { limit: CONTACTS, offset: 0 });
    const notes = await notesOf(db, { companyId: company.id }, NOTES);
    return {
      company,
      contacts: contacts.items,
      notes,
      notes_total: notes.length < NOTES ? notes.length : await countNotes(db, { companyId: company.id }),
    };
  },
});
