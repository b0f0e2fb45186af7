import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { NoteRecord } from '../../domain/contacts/schema.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';
import { NoteBody } from './create-note.ts';

export const updateNote = defineOperation({
  name: 'update_note',
  title: 'Edit a note',
  description:
    "Replaces a note's text. Its author stays whoever wrote it; updated_at records the edit. Find note ids with " +
    'list_notes, get_contact or get_company.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({ note_id: z.string().min(1).max(64).describe('A note id (note_...).'), body: NoteBody }),
  output: z.object({ note: NoteRecord }),
  rest: { method: 'PATCH', path: '/notes/{note_id}' },
  examples: [{ summary: 'Correct a note', input: { note_id: 'note_01JD0000000000000000000000', body: 'Call back on Tuesday.' } }],
  async run({ db, principal }, input) {
    const tenant = tenantOf(principal);
    const note = await contacts.getNote(db, tenant, input.note_id);
    if (!note) throw notFound('note', input.note_id, 'Use list_notes to find note ids.');
    await contactCommands.updateNote(db, note, input.body);
    return { note: (await contacts.getNote(db, tenant, note.id))! };
  },
  changes: ({ note }) => [{ workspaceId: note.workspace_id, subject: { type: 'note', id: note.id }, event: 'note.updated', data: note }],
});
