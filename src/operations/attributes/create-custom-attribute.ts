import * as z from 'zod';
import * as attributeCommands from '../../domain/attributes/commands.ts';
import * as attributes from '../../domain/attributes/queries.ts';
import { ATTRIBUTE_TYPES, AttributeDefinition } from '../../domain/attributes/schema.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument, OperationError } from '../errors.ts';
import { WorkspaceParam, writeTenant } from '../params/workspace.ts';

export const createCustomAttribute = defineOperation({
  name: 'create_custom_attribute',
  title: 'Define a custom attribute',
  description:
    'Defines a typed custom attribute for the contacts of one workspace: a snake_case name, a label, a type (text, ' +
    'number, boolean, date as YYYY-MM-DD, or select with its options). Values set on contacts are then checked against ' +
    'it. Refuses a name the workspace already defines.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({
    workspace: WorkspaceParam.describe('Workspace id (ws_...) or slug; required when the credential sees several.'),
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, 'snake_case, up to 64 characters')
      .describe('The key in contact attributes, e.g. plan_tier.'),
    label: z.string().trim().min(1).max(100).describe('What people see, e.g. "Plan tier".'),
    type: z.enum(ATTRIBUTE_TYPES),
    options: z.array(z.string().trim().min(1).max(100)).min(1).max(100).optional().describe('For a select: its allowed values.'),
    description: z.string().trim().min(1).max(500).optional(),
  }),
  output: z.object({ attribute: AttributeDefinition }),
  rest: { method: 'POST', path: '/custom-attributes' },
  examples: [
    {
      summary: 'A plan tier select',
      input: {
        workspace: 'ws_01JD0000000000000000000000',
        name: 'plan_tier',
        label: 'Plan tier',
        type: 'select',
        options: ['free', 'pro'],
      },
    },
  ],
  async run({ db, principal }, input) {
    if ((input.type === 'select') !== (input.options !== undefined)) {
      throw invalidArgument('Give options for a select, and only for a select.');
    }
    if (input.options && new Set(input.options).size !== input.options.length) throw invalidArgument('options: each value once.');
    const tenant = writeTenant(principal, input.workspace);
    const id = await attributeCommands.createDefinition(db, tenant, input);
    if (!id)
      throw new OperationError('conflict', `The workspace already defines "${input.name}".`, 'Use list_custom_attributes to see it.');
    const created = (await attributes.listDefinitions(db, tenant)).find((d) => d.id === id)!;
    return { attribute: created };
  },
  changes: ({ attribute }) => [
    {
      workspaceId: attribute.workspace_id,
      subject: { type: 'custom_attribute', id: attribute.id },
      event: 'custom_attribute.created',
      data: attribute,
    },
  ],
});
