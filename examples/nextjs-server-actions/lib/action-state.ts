import type { NoteFieldErrors, NoteInput } from './note-schema';

/** What the create-note action hands back to its form (through useActionState). */
export type NoteFormState =
  | { status: 'idle'; values: NoteInput }
  | { status: 'saved'; values: NoteInput; message: string }
  | { status: 'invalid'; values: NoteInput; fieldErrors: NoteFieldErrors };

/** What the delete action hands back to its button. */
export type DeleteNoteState = { status: 'idle' } | { status: 'error'; message: string };
