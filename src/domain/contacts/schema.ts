import * as z from 'zod';

export const Contact = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  company_id: z.string().nullable(),
  company_name: z.string().nullable(),
  agent_id: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Contact = z.infer<typeof Contact>;

export const Company = z.object({
  id: z.string(),
  workspace_id: z.string(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employee_count: z.number().int().nullable(),
  country: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Company = z.infer<typeof Company>;

export const Note = z.object({
  id: z.string(),
  author: z.string(),
  body: z.string(),
  created_at: z.string(),
});
export type Note = z.infer<typeof Note>;

/** A note as the note tools show it: what it belongs to, and when it was last edited. */
export const NoteRecord = Note.extend({
  workspace_id: z.string(),
  contact_id: z.string().nullable(),
  company_id: z.string().nullable(),
  updated_at: z.string().nullable(),
});
export type NoteRecord = z.infer<typeof NoteRecord>;
