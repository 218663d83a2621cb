/**
 * The people who can "sign in". A fixed list for the example: it stands in for a real identity
 * provider, which would give the app a verified user id in the same place (lib/session.ts).
 */
export const DEV_USERS = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob' },
  { id: 'carol', name: 'Carol' },
] as const;

export type DevUser = (typeof DEV_USERS)[number];

export const findDevUser = (id: string | undefined): DevUser | undefined => DEV_USERS.find((user) => user.id === id);
