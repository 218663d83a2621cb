'use server';
/**
 * Every mutation of the app. Server Actions are public POST endpoints: each one re-checks who is
 * signed in and validates its input, whatever the form in the browser already did.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { DeleteNoteState, NoteFormState } from '@/lib/action-state';
import { getDb } from '@/lib/db';
import { findDevUser } from '@/lib/dev-users';
import { parseNoteForm } from '@/lib/note-schema';
import { createNote, deleteNote, updateNote } from '@/lib/notes';
import { currentUser, endSession, startSession } from '@/lib/session';

// #region create-note-action
export async function createNoteAction(_previous: NoteFormState, form: FormData): Promise<NoteFormState> {
  // The user comes from the session, never from the form.
  const user = await currentUser();
  if (!user) redirect('/');

  const parsed = parseNoteForm(form); // the same schema the form used in the browser
  if (!parsed.success) {
    // Send the typed values back, so the form shows them again next to their errors.
    const values = { title: String(form.get('title') ?? ''), body: String(form.get('body') ?? '') };
    return { status: 'invalid', values, fieldErrors: parsed.fieldErrors };
  }

  await createNote(await getDb(), user.id, parsed.data);
  // Re-render the page's server components in this same response: the list shows the new note.
  revalidatePath('/');
  return { status: 'saved', values: { title: '', body: '' }, message: `Saved “${parsed.data.title}”.` };
}
// #endregion

const noteIdSchema = z.coerce.number().int().positive();

export async function updateNoteAction(_previous: NoteFormState, form: FormData): Promise<NoteFormState> {
  const user = await currentUser();
  if (!user) redirect('/');

  const values = { title: String(form.get('title') ?? ''), body: String(form.get('body') ?? '') };
  const parsed = parseNoteForm(form);
  if (!parsed.success) return { status: 'invalid', values, fieldErrors: parsed.fieldErrors };

  // As with delete: a note id that is not this user's updates 0 rows, whatever the form says.
  const id = noteIdSchema.safeParse(form.get('noteId'));
  const updated = id.success && (await updateNote(await getDb(), user.id, id.data, parsed.data));
  if (!updated) return { status: 'failed', values, message: 'That note does not exist, or it is not yours.' };

  revalidatePath('/');
  return { status: 'saved', values: parsed.data, message: 'Changes saved.' };
}

// #region delete-note-action

export async function deleteNoteAction(_previous: DeleteNoteState, form: FormData): Promise<DeleteNoteState> {
  const user = await currentUser();
  if (!user) redirect('/');

  // The note id does come from the form, and anyone can change it. That is fine: the database
  // only lets this user's transaction see this user's notes, so another id deletes nothing.
  const id = noteIdSchema.safeParse(form.get('noteId'));
  const deleted = id.success && (await deleteNote(await getDb(), user.id, id.data));
  if (!deleted) return { status: 'error', message: 'That note does not exist, or it is not yours.' };

  revalidatePath('/');
  return { status: 'idle' };
}
// #endregion

/** Dev sign-in: pick one of the fixed users (see lib/session.ts for what real auth replaces). */
export async function signInAction(form: FormData): Promise<void> {
  const user = findDevUser(String(form.get('userId')));
  if (user) await startSession(user);
  redirect('/');
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect('/');
}
