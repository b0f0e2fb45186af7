import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import { Contact } from '../../domain/contacts/schema.ts';
import * as conversations from '../../domain/conversations/queries.ts';
import { ConversationSummary } from '../../domain/conversations/schema.ts';
import { tenantOf, type Tenant } from '../../domain/tenancy/tenant.ts';
import * as visitors from '../../domain/visitors/queries.ts';
import { VisitorProfile } from '../../domain/visitors/schema.ts';
import type { Queryable } from '../../db/database.ts';
import { defineOperation } from '../define.ts';
import { invalidArgument } from '../errors.ts';
import { CompanyWithCounts } from '../contacts/list-companies.ts';

const MAX_IDS = 100;

/** Per kind of object: how to read many by id, and the field they come back in. */
const KINDS = {
  contact: { field: 'contacts', read: (db: Queryable, tenant: Tenant, ids: string[]) => contacts.getContacts(db, tenant, ids) },
  company: { field: 'companies', read: (db: Queryable, tenant: Tenant, ids: string[]) => contacts.getCompanies(db, tenant, ids) },
  conversation: {
    field: 'conversations',
    read: (db: Queryable, tenant: Tenant, ids: string[]) => conversations.getConversations(db, tenant, ids),
  },
  visitor: { field: 'visitors', read: (db: Queryable, tenant: Tenant, ids: string[]) => visitors.getVisitors(db, tenant, ids) },
} as const;

export const batchGet = defineOperation({
  name: 'batch_get',
  title: 'Get many objects by id',
  description:
    `Up to ${MAX_IDS} contacts, companies, conversations (summaries) or visitors by id in one call, in the order asked, ` +
    'with the ids not found (or not visible to this credential) listed in `missing`. Use it instead of one get_* call ' +
    'per id, e.g. for the contacts behind a list of conversations.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    type: z.enum(['contact', 'company', 'conversation', 'visitor']),
    ids: z.array(z.string().min(1).max(64)).min(1).max(MAX_IDS).describe(`1 to ${MAX_IDS} ids of that type.`),
  }),
  output: z.object({
    contacts: z.array(Contact).optional(),
    companies: z.array(CompanyWithCounts).optional(),
    conversations: z.array(ConversationSummary.extend({ agent_name: z.string().nullable() })).optional(),
    visitors: z.array(VisitorProfile).optional(),
    missing: z.array(z.string()).describe('Ids asked for that were not found.'),
  }),
  rest: { method: 'POST', path: '/batch-get' },
  examples: [
    {
      summary: 'Two contacts at once',
      input: { type: 'contact', ids: ['ct_01JD0000000000000000000000', 'ct_01JD0000000000000000000001'] },
    },
  ],
  async run({ db, principal }, input) {
    const ids = [...new Set(input.ids)];
    if (ids.length !== input.ids.length) throw invalidArgument('ids: each id once.');
    const kind = KINDS[input.type];
    const found = new Map<string, { id: string }>((await kind.read(db, tenantOf(principal), ids)).map((row) => [row.id, row]));
    return {
      [kind.field]: ids.flatMap((id) => found.get(id) ?? []),
      missing: ids.filter((id) => !found.has(id)),
    };
  },
});
