import * as z from 'zod';

export const AuditEntry = z.object({
  id: z.string(),
  workspace_id: z.string().nullable(),
  actor_type: z.enum(['api_key', 'oauth']).describe('An API key, or an OAuth grant (an app a person connected).'),
  actor_id: z.string().describe('The key id (key_...) or grant id (grant_...).'),
  actor_user_id: z.string().nullable().describe('For an OAuth grant: the person who approved it.'),
  operation: z.string().describe('The tool / operation that wrote.'),
  target_type: z.string().nullable(),
  target_id: z.string().nullable(),
  surface: z.string().nullable().describe('mcp or rest.'),
  request_id: z.string().nullable(),
  idempotency_key: z.string().nullable(),
  created_at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
