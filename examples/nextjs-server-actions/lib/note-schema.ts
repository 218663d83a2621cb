/**
 * The one schema for a note: the form checks it in the browser for instant feedback, and the
 * Server Action checks it again on the server, because a request can skip the browser.
 * No server imports here: this module is bundled for the browser too.
 */
import { z } from 'zod';

// #region note-schema
export const NOTE_TITLE_MAX = 100;
export const NOTE_BODY_MAX = 2000;

export const noteSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, 'Give the note a title')
    .max(NOTE_TITLE_MAX, `Keep the title to ${NOTE_TITLE_MAX} characters`),
  body: z.string().trim().max(NOTE_BODY_MAX, `Keep the note to ${NOTE_BODY_MAX} characters`),
});

export type NoteInput = z.infer<typeof noteSchema>;
export type NoteFieldErrors = Partial<Record<keyof NoteInput, string[]>>;

/** Validates a submitted form: the same call in the browser and in the Server Action. */
export function parseNoteForm(form: FormData) {
  const result = noteSchema.safeParse({ title: form.get('title') ?? '', body: form.get('body') ?? '' });
  return result.success
    ? ({ success: true, data: result.data } as const)
    : ({ success: false, fieldErrors: z.flattenError(result.error).fieldErrors as NoteFieldErrors } as const);
}
// #endregion
