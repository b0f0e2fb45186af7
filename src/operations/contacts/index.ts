import type { Toolset } from '../define.ts';
import { createCompany } from './create-company.ts';
import { createContact } from './create-contact.ts';
import { getCompany } from './get-company.ts';
import { getContact } from './get-contact.ts';
import { getContactTimeline } from './get-contact-timeline.ts';
import { listCompanies } from './list-companies.ts';
import { patchContact } from './patch-contact.ts';
import { searchContacts } from './search-contacts.ts';
import { updateCompany } from './update-company.ts';

export const contacts: Toolset = {
  id: 'contacts',
  description: 'Contacts (leads and customers) and their companies.',
  default: true,
  instructions:
    'search_contacts then get_contact for people (a contact bundles its company, notes, conversations and recent events; ' +
    'get_contact_timeline pages through all their activity); ' +
    'list_companies then get_company for organisations. create_contact, patch_contact, create_company and update_company write: pass an idempotency_key ' +
    'so a retry acts once.',
  operations: [
    searchContacts,
    getContact,
    getContactTimeline,
    createContact,
    patchContact,
    listCompanies,
    getCompany,
    createCompany,
    updateCompany,
  ],
};
