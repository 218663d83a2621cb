/**
 * The signed-in user, from an httpOnly cookie set by the dev sign-in.
 *
 * Stands in for real authentication: the cookie is neither signed nor encrypted, so anyone can
 * claim any of the dev users. A real app reads a verified session here (Auth.js, Clerk,
 * Supabase Auth, ...). What matters for the pattern is that actions take the user id from
 * here, never from the form.
 */
import { cookies } from 'next/headers';
import { findDevUser, type DevUser } from './dev-users';

const COOKIE = 'dev-user';

export async function currentUser(): Promise<DevUser | undefined> {
  return findDevUser((await cookies()).get(COOKIE)?.value);
}

export async function startSession(user: DevUser): Promise<void> {
  (await cookies()).set(COOKIE, user.id, {
    httpOnly: true, // page scripts cannot read or change it
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && process.env.DEV_COOKIE_INSECURE !== '1',
    path: '/',
    maxAge: 60 * 60 * 8,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
