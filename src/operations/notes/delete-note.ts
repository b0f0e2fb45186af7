import * as z from 'zod';
import * as contactCommands from '../../domain/contacts/commands.ts';
import * as contacts from '../../domain/contacts/queries.ts';
import { tenantOf } from '../../domain/tenancy/tenant.ts';
import { defineOperation } from '../define.ts';
import { notFound } from '../errors.ts';

export const deleteNote = defineOperation({
  name: 'delete_note',
  title: 'Delete a note',
  description: 'Deletes a note for good. Returns what it belonged to. Find note ids with list_notes, get_contact or get_company.',
  scope: 'write',
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  input: z.object({ note_id: z.string().min(1).max(64).describe('A note id (note_...).') }),
  output: z.object({
    deleted: z.object({ id: z.string(), workspace_id: z.string(), contact_id: z.string().nullable(), company_id: z.string().nullable() }),
  }),
  rest: { method: 'DELETE', path: '/notes/{note_id}' },
  examples: [{ summary: 'Delete a note', input: { note_id: 'note_01JD0000000000000000000000' } }],
  async run({ db, principal }, input) {
    const note = await contacts.getNote(db, tenantOf(principal), input.note_id);
    if (!note) throw notFound('note', input.note_id, 'Use list_notes to find note ids.');
    await contactCommands.deleteNote(db, note);
    return { deleted: { id: note.id, workspace_id: note.workspace_id, contact_id: note.contact_id, company_id: note.company_id } };
  },
  changes: ({ deleted }) => [
    { workspaceId: deleted.workspace_id, subject: { type: 'note', id: deleted.id }, event: 'note.deleted', data: deleted },
  ],
});
