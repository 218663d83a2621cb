import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Users · Next.js + Hono RPC',
  description: 'A Hono API with a typed RPC client, mounted inside Next.js.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/">Next.js + Hono RPC</Link>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
