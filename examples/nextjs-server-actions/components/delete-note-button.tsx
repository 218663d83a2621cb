'use client';

import { useActionState } from 'react';
import { deleteNoteAction } from '@/app/actions';
import type { DeleteNoteState } from '@/lib/action-state';

export function DeleteNoteButton({ noteId, title }: { noteId: number; title: string }) {
  const [state, formAction, pending] = useActionState(deleteNoteAction, { status: 'idle' } as DeleteNoteState);
  return (
    <form action={formAction} className="inline-form" data-testid="delete-note-form">
      <input type="hidden" name="noteId" value={noteId} />
      <button type="submit" className="secondary" disabled={pending}>
        Delete<span className="visually-hidden"> “{title}”</span>
      </button>
      {state.status === 'error' && (
        <p className="error" data-testid="delete-error">
          {state.message}
        </p>
      )}
    </form>
  );
}
