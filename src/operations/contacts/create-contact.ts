import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import * as contactCommands from '../../domain/contacts/commands.ts';
import { Contact } from '../../domain/contacts/schema.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound } from '../errors.ts';
import { checkAttributeValues } from '../params/attribute-values.ts';
import { refuseTaken } from '../params/taken.ts';
import { AttributesParam, ContactText, EmailParam, PhoneParam } from '../params/contact-fields.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';

export const createContact = defineOperation({
  name: 'create_contact',
  title: 'Create a contact',
  description:
    'Creates a contact (a lead or customer) in one workspace: name, email, phone, job title, company and custom ' +
    'attributes; at least one of name, email or phone. Emails are stored lower-cased and phones as E.164. Refuses an ' +
    'email the workspace already has, naming that contact (use patch_contact to change it). Pass idempotency_key so a ' +
    'retry does not create a second contact.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; required when the credential sees several.'),
    name: ContactText.name.optional(),
    email: EmailParam.optional(),
    phone: PhoneParam.optional(),
    title: ContactText.title.optional(),
    company_id: ContactText.company_id.optional(),
    company_name: ContactText.company_name.optional(),
    attributes: AttributesParam.optional(),
  }),
  output: z.object({ contact: Contact }),
  rest: { method: 'POST', path: '/contacts' },
  examples: [
    {
      summary: 'A lead from a chat',
      input: { workspace: 'ws_01JD0000000000000000000000', name: 'Ada Lovelace', email: 'ada@example.com' },
    },
  ],
  async run({ db, principal }, input) {
    if (input.name === undefined && input.email === undefined && input.phone === undefined) {
      throw invalidArgument('Give at least one of name, email or phone.');
    }
    const tenant = writeTenant(principal, input.workspace);
    await checkAttributeValues(db, tenant, input.attributes, 'allow');
    if (input.email !== undefined) {
      const email = input.email;
      await refuseTaken(
        db,
        { what: 'Contact', field: 'email', value: email, owner: tenant.workspaceIds[0]! },
        () => contacts.findContactByEmail(db, tenant, email),
        {
          hint: 'Use patch_contact to change that contact.',
        },
      );
    }
    const company = input.company_id === undefined ? undefined : await contacts.getCompany(db, tenant, input.company_id);
    if (input.company_id !== undefined && !company)
      throw notFound('company', input.company_id, 'Use list_companies to find company ids in this workspace.');
    const id = await contactCommands.createContact(db, tenant, { ...input, company });
    return { contact: (await contacts.getContact(db, tenant, id))! };
  },
  changes: ({ contact }) => [
    { workspaceId: contact.workspace_id, subject: { type: 'contact', id: contact.id }, event: 'contact.created', data: contact },
  ],
});
