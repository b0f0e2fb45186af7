import type { Toolset } from '../define.ts';
import { createCustomAttribute } from './create-custom-attribute.ts';
import { getContactCustomAttributes } from './get-contact-custom-attributes.ts';
import { listCustomAttributes } from './list-custom-attributes.ts';
import { patchContactCustomAttributes } from './patch-contact-custom-attributes.ts';

export const attributes: Toolset = {
  id: 'attributes',
  description: 'Typed custom attributes of contacts: their definitions per workspace, and the values of each contact.',
  default: false,
  instructions:
    'list_custom_attributes shows what each workspace defines (type, options); get_contact_custom_attributes shows a ' +
    "contact's values; patch_contact_custom_attributes sets them, checked against their type; create_custom_attribute defines a new one.",
  operations: [listCustomAttributes, getContactCustomAttributes, patchContactCustomAttributes, createCustomAttribute],
};
