import * as z from 'zod';
import * as contacts from '../../domain/contacts/queries.ts';
import { NoteRecord } from '../../domain/contacts/schema.ts';
import { defineOperation } from '../define.ts';
import { NoteParentParams, noteParent } from '../params/note-parent.ts';
import { PageInfo, PaginationParams, pageInfo, pageRequest } from '../params/pagination.ts';

export const listNotes = defineOperation({
  name: 'list_notes',
  title: 'List notes',
  description:
    'The notes kept on one contact or one company, newest first, with who wrote them and when they were last edited. ' +
    'Give exactly one of contact_id or company_id. Paginated (per_page up to 100) with the total; get_contact and ' +
    'get_company already show the latest 20.',
  scope: 'read',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input: z.object({ ...NoteParentParams, ...PaginationParams }),
  output: z.object({ notes: z.array(NoteRecord), pagination: PageInfo }),
  rest: { method: 'GET', path: '/notes' },
  examples: [{ summary: "A contact's notes", input: { contact_id: 'ct_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const parent = await noteParent(db, principal, input);
    const { total, items } = await contacts.listNotes(db, parent, pageRequest(input));
    return { notes: items, pagination: pageInfo(input, total) };
  },
});
