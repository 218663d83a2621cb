/**
 * The backend: a Hono app whose type (`AppType`) the frontend compiles against, through the
 * contract module (server/contract.ts) with the schemas. Mounted inside Next at
 * app/api/[[...route]]/route.ts, so its routes are served under /api.
 */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { createUserSchema, type ApiErrorBody } from './contract';
import { DuplicateEmailError, userStore, type UserStore } from './user-store';

// #region api-error
/** An answer in the contract's error shape (`details` only when there are per-field messages). */
export const apiError = (
  code: ApiErrorBody['error']['code'],
  message: string,
  details?: ApiErrorBody['error']['details'],
): ApiErrorBody => ({ error: { code, message, details } }); // JSON drops `details` when undefined
// #endregion

/**
 * Builds the API on a store. Production uses the process-wide store; tests pass a fresh one.
 * Routes are chained: only then does the app's type carry every route to `hc<AppType>`.
 */
export function createApi(store: UserStore) {
  // #region routes
  const app = new Hono()
    .get('/users', async (c) => {
      const users = await store.list();
      return c.json(users, 200);
    })
    .get('/users/:id', async (c) => {
      const id = c.req.param('id');
      const user = await store.findById(id);
      if (!user) return c.json(apiError('not_found', `No user with id ${id}`), 404);
      return c.json(user, 200);
    })
    .post(
      '/users',
      zValidator('json', createUserSchema, (result, c) => {
        // Answer with per-field messages instead of zValidator's raw ZodError, so a form can
        // put each message next to its field.
        if (!result.success) {
          const { fieldErrors } = z.flattenError(result.error);
          return c.json(apiError('validation_failed', 'Check the highlighted fields', fieldErrors as Record<string, string[]>), 400);
        }
      }),
      async (c) => {
        const data = c.req.valid('json');
        try {
          const user = await store.create(data);
          return c.json(user, 201);
        } catch (error) {
          if (error instanceof DuplicateEmailError) {
            return c.json(apiError('email_taken', `${error.email} is already taken`, { email: ['This email is already taken'] }), 409);
          }
          throw error;
        }
      },
    );
  // #endregion

  // #region on-error
  app.onError((error, c) => {
    // Hono's own 4xx (a body that is not JSON): the caller's mistake, said in the error shape.
    if (error instanceof HTTPException && error.status < 500) return c.json(apiError('bad_request', error.message), error.status);
    // Unknown errors: full detail in the server log, a generic message to the caller.
    console.error(error);
    return c.json(apiError('internal', 'Something went wrong on our side'), 500);
  });
  // #endregion
  return app;
}

// #region app-type
const app = createApi(userStore);

/** The contract: import it as a type only, so no server code reaches the browser bundle. */
export type AppType = typeof app;
export default app;
// #endregion
