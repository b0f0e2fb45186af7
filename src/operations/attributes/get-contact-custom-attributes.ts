import * as z from 'zod';
import * as attributes from '../../domain/attributes/queries.ts';
import { ATTRIBUTE_TYPES, type AttributeDefinition } from '../../domain/attributes/schema.ts';
import type { Contact } from '../../domain/contacts/schema.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { rowTenant } from '../params/workspace.ts';

export const AttributeValues = z.object({
  contact_id: z.string(),
  workspace_id: z.string(),
  attributes: z
    .array(
      z.object({
        name: z.string(),
        label: z.string(),
        type: z.enum(ATTRIBUTE_TYPES),
        options: z.array(z.string()).nullable(),
        value: z.union([z.string(), z.number(), z.boolean()]).nullable().describe('null when the contact has none.'),
      }),
    )
    .describe("Every attribute the contact's workspace defines, set or not."),
  other: z.record(z.string(), z.unknown()).describe('Attributes the contact has that no definition describes.'),
});

export const getContactCustomAttributes = defineOperation({
  name: 'get_contact_custom_attributes',
  title: "Get a contact's custom attributes",
  description:
    "A contact's custom attribute values beside every definition of its workspace (label, type, options), so unset " +
    'ones show as null; plus any free-form attributes without a definition.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ contact_id: z.string().min(1).max(64).describe('A contact id (ct_...).') }),
  output: AttributeValues,
  rest: { method: 'GET', path: '/contacts/{contact_id}/custom-attributes' },
  examples: [{ summary: "A contact's attributes", input: { contact_id: 'ct_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const contact = await contacts.getContact(db, tenantOf(principal), input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    return valuesOf(contact, await attributes.listDefinitions(db, rowTenant(principal, contact)));
  },
});

/** A contact's attributes laid out by its workspace's definitions. */
export function valuesOf(contact: Pick<Contact, 'id' | 'workspace_id' | 'attributes'>, definitions: readonly AttributeDefinition[]) {
  const defined = new Set(definitions.map((d) => d.name));
  const values = contact.attributes;
  return {
    contact_id: contact.id,
    workspace_id: contact.workspace_id,
    attributes: definitions.map(({ name, label, type, options }) => ({
      name,
      label,
      type,
      options,
      value: (values[name] ?? null) as string | number | boolean | null,
    })),
    other: Object.fromEntries(Object.entries(values).filter(([name]) => !defined.has(name))),
  };
}
