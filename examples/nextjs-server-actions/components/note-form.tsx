'use client';

import { useActionState, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createNoteAction, updateNoteAction } from '@/app/actions';
import type { NoteFormState } from '@/lib/action-state';
import { NOTE_BODY_MAX, NOTE_TITLE_MAX, parseNoteForm, type NoteFieldErrors } from '@/lib/note-schema';
import type { Note } from '@/lib/notes';

// #region note-form
/**
 * Creates a note, or edits `note`. The shared schema runs here first (instant feedback, no
 * round trip), then in the action. Without JavaScript the form still posts to the action,
 * which answers with the same messages.
 */
export function NoteForm({ note }: { note?: Pick<Note, 'id' | 'title' | 'body'> }) {
  const initialState: NoteFormState = { status: 'idle', values: { title: note?.title ?? '', body: note?.body ?? '' } };
  const [state, formAction, pending] = useActionState(note ? updateNoteAction : createNoteAction, initialState);
  const [clientErrors, setClientErrors] = useState<NoteFieldErrors | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = clientErrors ?? (state.status === 'invalid' ? state.fieldErrors : {});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const result = parseNoteForm(new FormData(event.currentTarget));
    if (result.success) {
      setClientErrors(null); // let the action run
      return;
    }
    event.preventDefault(); // React then does not call the action
    setClientErrors(result.fieldErrors);
    focusFirstInvalid(event.currentTarget, result.fieldErrors);
  }

  // Errors that came back from the server get the same focus treatment.
  useEffect(() => {
    if (state.status === 'invalid' && formRef.current) focusFirstInvalid(formRef.current, state.fieldErrors);
  }, [state]);

  const id = useId(); // several forms on one page: ids must not collide
  return (
    // React resets the form after each action; `defaultValue` from the state makes that reset
    // keep what was typed when the action rejected it, and clear it when a new note was saved.
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="stack"
      aria-label={note ? `Edit “${note.title}”` : 'New note'}
    >
      {note && <input type="hidden" name="noteId" value={note.id} />}
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          name="title"
          defaultValue={state.values.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
        />
        <FieldError id={`${id}-title-error`} messages={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Note</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={4}
          defaultValue={state.values.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? `${id}-body-error ${id}-body-hint` : `${id}-body-hint`}
        />
        <p id={`${id}-body-hint`} className="hint">
          Optional. Title up to {NOTE_TITLE_MAX} characters, note up to {NOTE_BODY_MAX}.
        </p>
        <FieldError id={`${id}-body-error`} messages={errors.body} />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : note ? 'Save changes' : 'Save note'}
        </button>
      </div>
      <div aria-live="polite" data-testid="note-form-status">
        {state.status === 'saved' && !clientErrors && <p className="success">{state.message}</p>}
        {state.status === 'failed' && <p className="error">{state.message}</p>}
      </div>
    </form>
  );
}
// #endregion

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

function focusFirstInvalid(form: HTMLFormElement, errors: NoteFieldErrors) {
  const first = (['title', 'body'] as const).find((field) => errors[field]);
  if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
}
