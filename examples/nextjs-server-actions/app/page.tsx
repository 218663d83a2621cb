import { NoteForm } from '@/components/note-form';
import { NoteList } from '@/components/note-list';
import { SignInForm } from '@/components/sign-in-form';
import { getDb } from '@/lib/db';
import { listNotes } from '@/lib/notes';
import { currentUser } from '@/lib/session';

export default async function HomePage() {
  const user = await currentUser();
  if (!user) {
    return (
      <>
        <h1>Sign in</h1>
        <SignInForm />
      </>
    );
  }

  // Read straight from the data layer in a server component: no API in between.
  const notes = await listNotes(await getDb(), user.id);
  return (
    <>
      <h1>{user.name}’s notes</h1>
      <section aria-labelledby="new-note-heading">
        <h2 id="new-note-heading">New note</h2>
        <NoteForm />
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Your notes</h2>
        <NoteList notes={notes} />
      </section>
    </>
  );
}
