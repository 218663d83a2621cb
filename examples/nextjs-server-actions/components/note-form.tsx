'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { createNoteAction } from '@/app/actions';
import type { NoteFormState } from '@/lib/action-state';
import { NOTE_BODY_MAX, NOTE_TITLE_MAX, parseNoteForm, type NoteFieldErrors } from '@/lib/note-schema';

const initialState: NoteFormState = { status: 'idle', values: { title: '', body: '' } };

// #region note-form
/**
 * Creates a note. The shared schema runs here first (instant feedback, no round trip), then in
 * the action. Without JavaScript the form still posts to the action, which answers with the
 * same messages.
 */
export function NoteForm() {
  const [state, formAction, pending] = useActionState(createNoteAction, initialState);
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

  return (
    // React resets the form after each action; `defaultValue` from the state makes that reset
    // keep what was typed when the action rejected it, and clear it when the note was saved.
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="stack" aria-labelledby="new-note-heading">
      <h2 id="new-note-heading">New note</h2>
      <div className="field">
        <label htmlFor="note-title">Title</label>
        <input
          id="note-title"
          name="title"
          defaultValue={state.values.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? 'note-title-error' : undefined}
        />
        <FieldError id="note-title-error" messages={errors.title} />
      </div>
      <div className="field">
        <label htmlFor="note-body">Note</label>
        <textarea
          id="note-body"
          name="body"
          rows={4}
          defaultValue={state.values.body}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={errors.body ? 'note-body-error note-body-hint' : 'note-body-hint'}
        />
        <p id="note-body-hint" className="hint">
          Optional. Title up to {NOTE_TITLE_MAX} characters, note up to {NOTE_BODY_MAX}.
        </p>
        <FieldError id="note-body-error" messages={errors.body} />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save note'}
        </button>
      </div>
      <p aria-live="polite" className="success" data-testid="note-form-status">
        {state.status === 'saved' && !clientErrors ? state.message : ''}
      </p>
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
