import type { Note } from '@/lib/notes';
import { DeleteNoteButton } from './delete-note-button';
import { NoteForm } from './note-form';

const formatDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export function NoteList({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return <p>No notes yet. Write the first one above.</p>;
  return (
    <ul className="note-list" data-testid="note-list">
      {notes.map((note) => (
        <li key={note.id}>
          <article aria-labelledby={`note-${note.id}`}>
            <h3 id={`note-${note.id}`}>{note.title}</h3>
            {note.body && <p>{note.body}</p>}
            <p className="muted">
              <time dateTime={note.createdAt.toISOString()}>{formatDate.format(note.createdAt)} UTC</time>
            </p>
            <details>
              <summary>
                Edit<span className="visually-hidden"> “{note.title}”</span>
              </summary>
              <NoteForm note={{ id: note.id, title: note.title, body: note.body }} />
            </details>
            <DeleteNoteButton noteId={note.id} title={note.title} />
          </article>
        </li>
      ))}
    </ul>
  );
}
