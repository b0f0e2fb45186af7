import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { Contact } from '../../domain/contacts/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { checkAttributeValues } from '../params/attribute-values.ts';
import { rowTenant } from '../params/workspace.ts';
import { patchedFields } from '../params/merge-patch.ts';
import { refuseTaken } from '../params/taken.ts';
import { AttributesParam, ContactText, EmailParam, PhoneParam } from '../params/contact-fields.ts';

const FIELDS = ['name', 'email', 'phone', 'title', 'company_id', 'company_name', 'attributes'] as const;

export const patchContact = defineOperation({
  name: 'patch_contact',
  title: 'Update a contact',
  description:
    'Changes a contact by JSON merge patch: a field you give is set, null clears it, a field you leave out stays as ' +
    'it is; attributes merge key by key (null removes one). Returns the contact as it now is. Refuses an email another ' +
    'contact of the workspace has. Find contact ids with search_contacts.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).'),
    name: ContactText.name.nullable().optional(),
    email: EmailParam.nullable().optional(),
    phone: PhoneParam.nullable().optional(),
    title: ContactText.title.nullable().optional(),
    company_id: ContactText.company_id.nullable().optional(),
    company_name: ContactText.company_name.nullable().optional(),
    attributes: AttributesParam.optional(),
  }),
  output: z.object({ contact: Contact, changed: z.array(z.string()).describe('The fields this call was given.') }),
  rest: { method: 'PATCH', path: '/contacts/{contact_id}' },
  examples: [
    {
      summary: 'Record a job title and a lifecycle stage',
      input: { contact_id: 'ct_01JD0000000000000000000000', title: 'Head of Growth', attributes: { lifecycle_stage: 'customer' } },
    },
  ],
  async run({ db, principal }, input) {
    const changed = patchedFields(input, FIELDS);
    const found = await contacts.getContact(db, tenantOf(principal), input.contact_id);
    if (!found) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    // The contact's own workspace bounds everything the patch refers to.
    const tenant = rowTenant(principal, found);
    await checkAttributeValues(db, tenant, input.attributes, 'allow');
    if (input.email) {
      const email = input.email;
      await refuseTaken(
        db,
        { what: 'Contact', field: 'email', value: email, owner: found.workspace_id },
        () => contacts.findContactByEmail(db, tenant, email),
        {
          self: found.id,
          hint: 'Each email belongs to one contact per workspace.',
        },
      );
    }
    let company: Awaited<ReturnType<typeof contacts.getCompany>> | null | undefined;
    if (input.company_id) {
      company = await contacts.getCompany(db, tenant, input.company_id);
      if (!company) throw notFound('company', input.company_id, "Use list_companies to find company ids in the contact's workspace.");
    } else if (input.company_id === null) company = null;
    await contactCommands.patchContact(db, found, { ...input, company });
    return { contact: (await contacts.getContact(db, tenant, found.id))!, changed };
  },
  changes: ({ contact, changed }) => [
    {
      workspaceId: contact.workspace_id,
      subject: { type: 'contact', id: contact.id },
      event: 'contact.updated',
      data: { contact, changed },
    },
  ],
});
