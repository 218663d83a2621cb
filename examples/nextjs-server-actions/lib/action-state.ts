import type { NoteFieldErrors, NoteInput } from './note-schema';

/** What the create and update actions hand back to their form (through useActionState). */
export type NoteFormState =
  | { status: 'idle'; values: NoteInput }
  | { status: 'saved'; values: NoteInput; message: string }
  | { status: 'invalid'; values: NoteInput; fieldErrors: NoteFieldErrors }
  | { status: 'failed'; values: NoteInput; message: string };

/** What the delete action hands back to its button. */
export type DeleteNoteState = { status: 'idle' } | { status: 'error'; message: string };
