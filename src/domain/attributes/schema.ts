import * as z from 'zod';

export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean', 'date', 'select'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A custom attribute a workspace defines for its contacts; a contact's value lives under `name` in its attributes. */
export const AttributeDefinition = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string().describe("The key in a contact's attributes, snake_case."),
  label: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
  options: z.array(z.string()).nullable().describe('The allowed values of a select.'),
  description: z.string().nullable(),
  created_at: z.string(),
});
export type AttributeDefinition = z.infer<typeof AttributeDefinition>;

export type AttributeValue = string | number | boolean | null;
