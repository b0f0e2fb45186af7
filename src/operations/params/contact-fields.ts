import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import * as z from 'zod';

/** An email address, stored lower-cased so lookups by email find it however it was written. */
export const EmailParam = z
  .email({ error: 'not a valid email address' })
  .max(254)
  .transform((email) => email.toLowerCase())
  .describe('Email address.');

/** A phone number in international format, stored as E.164 (`+14155552671`), checked against the numbering plan. */
export const PhoneParam = z
  .string()
  .trim()
  .max(40)
  .transform((text, ctx) => {
    const phone = parsePhoneNumberFromString(text);
    if (phone?.isValid()) return phone.number;
    ctx.addIssue({
      code: 'custom',
      message: 'not a valid phone number: give it in international format, + and the country code (+1 415 555 2671)',
    });
    return z.NEVER;
  })
  .describe('Phone number in international format (+ and the country code); stored as E.164.');

const MAX_ATTRIBUTES = 50;

/** Custom attribute values: scalars under snake_case names; on a patch, `null` removes one. */
export const AttributesParam = z
  .record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'attribute names are snake_case, up to 64 characters'),
    z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
  )
  .refine((attributes) => Object.keys(attributes).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`)
  .describe('Custom attributes, e.g. {"lifecycle_stage": "customer", "team_size": 12}. On a patch, null removes one.');

/** The text fields of a contact. */
export const ContactText = {
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200).describe('Job title.'),
  company_name: z.string().trim().min(1).max(200).describe('Company name, when the company is not a Parley company (company_id).'),
  company_id: z.string().min(1).max(64).describe('A company id (co_...) in the same workspace.'),
};

/** The fields of a company. */
export const CompanyFieldParams = {
  name: z.string().trim().min(1).max(200).describe('Company name.'),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(253)
    .regex(
      /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      'a web domain such as example.com, without scheme or path',
    )
    .describe('Web domain, e.g. example.com.'),
  industry: z.string().trim().min(1).max(100),
  employee_count: z.number().int().min(0).max(10_000_000),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 alpha-2 country code such as US or DE')
    .transform((code) => code.toUpperCase())
    .describe('ISO 3166 alpha-2 country code, e.g. US.'),
  attributes: AttributesParam,
};
