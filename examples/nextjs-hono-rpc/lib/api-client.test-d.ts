/**
 * Type-level tests of the contract: `tsc --noEmit` (part of `npm test`) checks this file, and
 * each `@ts-expect-error` fails the run if the line below it ever compiles. Nothing here runs.
 */
import type { User } from '@/server/contract';
import { createApiClient } from './api-client';

const api = createApiClient('http://localhost:3000/api');

export async function contract() {
  // #region type-tests
  // @ts-expect-error email is required by createUserSchema
  await api.users.$post({ json: { name: 'Ada' } });

  // @ts-expect-error name must be a string
  await api.users.$post({ json: { name: 42, email: 'ada@example.com' } });

  // @ts-expect-error there is no /posts route
  await api.posts.$get();

  // @ts-expect-error GET /users/:id needs the id parameter
  await api.users[':id'].$get({});

  // @ts-expect-error PUT /users/:id is not a route
  await api.users[':id'].$put({ param: { id: '1' } });
  // #endregion

  const found = await api.users[':id'].$get({ param: { id: '1' } });
  if (found.ok) {
    const user: User = await found.json(); // a 2xx body is a User
    // @ts-expect-error a User has no password field
    void user.password;
  } else {
    const body = await found.json();
    const message: string = body.error.message; // any other answer is the error shape
    void message;
  }

  const created = await api.users.$post({ json: { name: 'Ada', email: 'ada@example.com' } });
  if (created.status === 400) {
    const { error } = await created.json();
    const emailErrors: string[] | undefined = error.details?.email; // per-field messages
    void emailErrors;
  }
  if (created.status === 201) {
    const user = await created.json();
    // @ts-expect-error ids are strings (route params), not numbers
    const id: number = user.id;
    void id;
  }
}
