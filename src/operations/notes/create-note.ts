import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { NoteRecord } from '../../domain/contacts/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { NoteParentParams, noteAuthor, noteParent } from '../params/note-parent.ts';

export const NoteBody = z.string().trim().min(1).max(10_000).describe('The note, plain text (up to 10,000 characters).');

export const createNote = defineOperation({
  name: 'create_note',
  title: 'Add a note',
  description:
    'Adds a note to a contact or a company (exactly one of contact_id or company_id), written as the person who ' +
    'connected this app, or as the API key. Notes are internal: customers never see them. Pass idempotency_key so a ' +
    'retry does not add it twice.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  input: z.object({ ...NoteParentParams, body: NoteBody }),
  output: z.object({ note: NoteRecord }),
  rest: { method: 'POST', path: '/notes' },
  examples: [
    { summary: 'Note a follow-up on a contact', input: { contact_id: 'ct_01JD0000000000000000000000', body: 'Call back on Monday.' } },
  ],
  async run({ db, principal }, input) {
    const parent = await noteParent(db, principal, input);
    const id = await contactCommands.createNote(db, parent, await noteAuthor(db, principal), input.body);
    return { note: (await contacts.getNote(db, tenantOf(principal), id))! };
  },
  changes: ({ note }) => [{ workspaceId: note.workspace_id, subject: { type: 'note', id: note.id }, event: 'note.created', data: note }],
});
