import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import type { Principal } from '../../domain/tenancy/principal.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import * as users from '../../domain/users/queries.ts';
import type { Queryable } from '../../db/database.ts';
import type { NoteAuthor } from '../../domain/contacts/commands.ts';
import { invalidArgument, notFound } from '../errors.ts';

/** Notes belong to a contact or a company: exactly one of these. */
export const NoteParentParams = {
  contact_id: z.string().min(1).max(64).optional().describe('A contact id (ct_...).'),
  company_id: z.string().min(1).max(64).optional().describe('A company id (co_...).'),
};

/** The contact or company a note call names, read through the principal's tenant. */
export async function noteParent(
  db: Queryable,
  principal: Principal,
  input: { contact_id?: string | undefined; company_id?: string | undefined },
): Promise<contacts.NoteParent> {
  if ((input.contact_id === undefined) === (input.company_id === undefined)) {
    throw invalidArgument('Give exactly one of contact_id or company_id.');
  }
  const tenant = tenantOf(principal);
  if (input.contact_id !== undefined) {
    const contact = await contacts.getContact(db, tenant, input.contact_id);
    if (!contact) throw notFound('contact', input.contact_id, 'Use search_contacts to find contact ids.');
    return { contact };
  }
  const company = await contacts.getCompany(db, tenant, input.company_id!);
  if (!company) throw notFound('company', input.company_id!, 'Use list_companies to find company ids.');
  return { company };
}

/** A note's author: the person behind an OAuth grant, or the API key by its name. */
export async function noteAuthor(db: Queryable, principal: Principal): Promise<NoteAuthor> {
  const { credential } = principal;
  const person = credential.userId ? await users.userName(db, credential.userId) : undefined;
  return person ? { name: person, id: credential.userId! } : { name: `API key "${credential.name}"`, id: credential.id };
}
