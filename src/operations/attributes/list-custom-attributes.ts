import * as z from 'zod';
import * as attributes from '../../domain/attributes/queries.ts';
import { AttributeDefinition } from '../../domain/attributes/schema.ts';
import { defineOperation } from '../define.ts';
import { tenantFor, WorkspaceParam } from '../params/workspace.ts';

export const listCustomAttributes = defineOperation({
  name: 'list_custom_attributes',
  title: 'List custom attributes',
  description:
    "The custom attributes each workspace defines for its contacts: name (the key in a contact's attributes), label, " +
    'type (text, number, boolean, date, select) and, for a select, its options. Use it before setting values with ' +
    'patch_contact_custom_attributes.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ workspace: WorkspaceParam }),
  output: z.object({ attributes: z.array(AttributeDefinition) }),
  rest: { method: 'GET', path: '/custom-attributes' },
  examples: [{ summary: "One workspace's attributes", input: { workspace: 'ws_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    return { attributes: await attributes.listDefinitions(db, tenantFor(principal, input.workspace)) };
  },
});
