import * as z from 'zod';
import * as conversations from '../../domain/conversations/queries.ts';
import { ConversationSummary } from '../../domain/conversations/schema.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { Contact } from '../../domain/contacts/schema.ts';
import * as visitors from '../../domain/visitors/queries.ts';
import { VisitorProfile } from '../../domain/visitors/schema.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';

export const getVisitorProfile = defineOperation({
  name: 'get_visitor_profile',
  title: 'Get a visitor profile',
  description:
    'The full profile of one visitor: person identity, company enrichment, location, device, referrer and UTM context, ' +
    'the contact they became (if any) and their latest conversation. For what they did on the site, call get_visitor_journey.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({
    visitor_id: z
      .string()
      .min(1)
      .max(64)
      .describe('A visitor id (vis_...), from list_visitor_profiles, search_conversations or get_visitor_journey.'),
  }),
  output: z.object({ visitor: VisitorProfile, contact: Contact.nullable(), latest_conversation: ConversationSummary.nullable() }),
  rest: { method: 'GET', path: '/visitor-profiles/{visitor_id}' },
  examples: [{ summary: 'Who a visitor is', input: { visitor_id: 'vis_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const tenant = tenantOf(principal);
    const visitor = await visitors.getVisitor(db, tenant, input.visitor_id);
    if (!visitor) throw notFound('visitor', input.visitor_id, 'Use list_visitor_profiles to find visitor ids.');
    const contact = visitor.contact_id ? await contacts.getContact(db, tenant, visitor.contact_id) : undefined;
    const [latest] = await conversations.recentConversations(db, { visitor }, 1);
    return { visitor, contact: contact ?? null, latest_conversation: latest ?? null };
  },
});
