import type { Toolset } from '../define.ts';
import { createNote } from './create-note.ts';
import { deleteNote } from './delete-note.ts';
import { listNotes } from './list-notes.ts';
import { updateNote } from './update-note.ts';

export const notes: Toolset = {
  id: 'notes',
  description: 'Internal notes on contacts and companies: read, add, edit and delete them.',
  default: false,
  instructions:
    'list_notes reads the notes of one contact or company; create_note, update_note and delete_note write them (pass an ' +
    'idempotency_key to create_note so a retry adds nothing twice). get_contact and get_company already show the latest notes.',
  operations: [listNotes, createNote, updateNote, deleteNote],
};
