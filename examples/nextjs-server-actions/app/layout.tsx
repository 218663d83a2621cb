import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { signOutAction } from '@/app/actions';
import { currentUser } from '@/lib/session';
import './globals.css';

export const metadata: Metadata = {
  title: 'Notes · Next.js Server Actions',
  description: 'Per-user notes with Server Actions and PostgreSQL Row Level Security.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <span>Notes</span>
          {user && (
            <form action={signOutAction} className="inline-form">
              <span data-testid="signed-in-as">Signed in as {user.name}</span>{' '}
              <button type="submit" className="secondary">
                Sign out
              </button>
            </form>
          )}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
