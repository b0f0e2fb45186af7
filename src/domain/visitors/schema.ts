import * as z from 'zod';

export const VisitorProfile = z.object({
  id: z.string(),
  workspace_id: z.string(),
  anonymous_id: z.string(),
  contact_id: z.string().nullable(),
  first_seen_at: z.string(),
  last_seen_at: z.string(),
  identified_at: z.string().nullable(),
  person: z.object({ name: z.string().nullable(), email: z.string().nullable(), title: z.string().nullable() }),
  company: z.object({
    name: z.string().nullable(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    employee_count: z.number().int().nullable(),
    country: z.string().nullable(),
  }),
  location: z.object({ city: z.string().nullable(), country: z.string().nullable() }),
  device: z.object({ type: z.string().nullable(), browser: z.string().nullable() }),
  acquisition: z.object({
    referrer: z.string().nullable(),
    landing_page: z.string().nullable(),
    utm_source: z.string().nullable(),
    utm_medium: z.string().nullable(),
    utm_campaign: z.string().nullable(),
    utm_term: z.string().nullable(),
    utm_content: z.string().nullable(),
  }),
});
export type VisitorProfile = z.infer<typeof VisitorProfile>;
