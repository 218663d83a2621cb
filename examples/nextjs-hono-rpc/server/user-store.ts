/**
 * Where users live: an in-memory store behind a small async interface.
 *
 * In memory on purpose: this example is about the typed RPC contract between Hono and Next,
 * so it starts instantly (locally and in StackBlitz) and needs no database. The interface is
 * async so a real database (see the nextjs-server-actions example) can replace it without
 * touching the routes.
 */

import type { NewUser, User } from './contract';

export type { NewUser, User };

/** Thrown by `create` when another user already has the email address. */
export class DuplicateEmailError extends Error {
  readonly email: string;
  constructor(email: string) {
    super(`A user with email ${email} already exists`);
    this.name = 'DuplicateEmailError';
    this.email = email;
  }
}

export interface UserStore {
  list(): Promise<User[]>;
  findById(id: string): Promise<User | undefined>;
  /** @throws {DuplicateEmailError} when the (lower-cased) email is taken */
  create(data: NewUser): Promise<User>;
}

/**
 * A fresh store: tests build their own, the app uses `userStore`.
 *
 * @example
 * const store = createMemoryUserStore([{ name: 'Ada', email: 'ada@example.com' }]);
 */
export function createMemoryUserStore(seed: NewUser[] = []): UserStore {
  const users = new Map<string, User>();
  let nextId = 1;

  const insert = (data: NewUser): User => {
    const email = data.email.toLowerCase();
    for (const user of users.values()) {
      if (user.email === email) throw new DuplicateEmailError(email);
    }
    const user: User = { id: String(nextId++), name: data.name, email, createdAt: new Date().toISOString() };
    users.set(user.id, user);
    return user;
  };
  seed.forEach(insert);

  return {
    list: async () => [...users.values()],
    findById: async (id) => users.get(id),
    create: async (data) => insert(data),
  };
}

export const seedUsers: NewUser[] = [
  { name: 'Ada Lovelace', email: 'ada@example.com' },
  { name: 'Grace Hopper', email: 'grace@example.com' },
];

// One store per server process. Kept on globalThis so `next dev` reloading this module does not
// start a new, empty store on every edit.
const globalForStore = globalThis as typeof globalThis & { __userStore?: UserStore };
export const userStore: UserStore = (globalForStore.__userStore ??= createMemoryUserStore(seedUsers));
