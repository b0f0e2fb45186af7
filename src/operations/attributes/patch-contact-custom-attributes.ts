import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, notFound } from '../errors.ts';
import { checkAttributeValues } from '../params/attribute-values.ts';
import { AttributesParam } from '../params/contact-fields.ts';
import { rowTenant } from '../params/workspace.ts';
import { AttributeValues, valuesOf } from './get-contact-custom-attributes.ts';

export const patchContactCustomAttributes = defineOperation({
  name: 'patch_contact_custom_attributes',
  title: "Set a contact's custom attributes",
  description:
    "Sets custom attribute values on a contact, each checked against its workspace's definition (a select takes one of " +
    'its options, a date YYYY-MM-DD); null removes a value; attributes you leave out stay. Only defined attributes: ' +
    'see list_custom_attributes, and create_custom_attribute for a new one.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({
    contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).'),
    values: AttributesParam.describe('Attribute values by name, e.g. {"plan_tier": "pro", "seats": 12}; null removes one.'),
  }),
  output: AttributeValues.extend({ changed: z.array(z.string()) }),
  rest: { method: 'PATCH', path: '/contacts/{contact_id}/custom-attributes' },
  examples: [
    {
      summary: 'Move a contact to customer',
      input: { contact_id: 'ct_01JD0000000000000000000000', values: { lifecycle_stage: 'customer' } },
    },
  ],
  async run({ db, principal }, input) {
    const changed = Object.keys(input.values);
    if (changed.length === 0) throw invalidArgument('Nothing to change: give at least one value.');
    const tenant = tenantOf(principal);
    const contact = await contacts.getContact(db, tenant, input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    const definitions = await checkAttributeValues(db, rowTenant(principal, contact), input.values, 'refuse');
    await contactCommands.patchContact(db, contact, { attributes: input.values });
    const updated = (await contacts.getContact(db, tenant, contact.id))!;
    return { ...valuesOf(updated, definitions), changed };
  },
  changes: ({ contact_id, workspace_id, changed }, input) => [
    {
      workspaceId: workspace_id,
      subject: { type: 'contact', id: contact_id },
      event: 'contact.updated',
      data: { contact_id, changed, values: input.values },
    },
  ],
});
