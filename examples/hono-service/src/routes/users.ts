import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import type { AppEnv } from '../lib/app-env.ts';
import { users } from '../lib/db/schema.ts';
import { AppError, NotFoundError } from '../lib/errors/app-error.ts';
import { requireScope } from '../middleware/auth.ts';
import { json } from '../middleware/response-headers.ts';
import { authErrorResponses, errorResponse } from '../schemas/error.ts';
import { withResponseHeaders } from '../schemas/headers.ts';
import { CreateUserSchema, UserParamsSchema, UserSchema, type User } from '../schemas/users.ts';
import { bearerSecurity, type RouteDeps } from './route-deps.ts';

/** Scope that lets a caller read any user, not only themselves. */
export const USERS_ADMIN_SCOPE = 'users:admin';

const toUser = (row: typeof users.$inferSelect): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

/** `/v1/users`: register yourself, read a user. */
export function createUserRoutes(deps: RouteDeps) {
  const { db, limits, limitBody } = deps;
  // The hot read path: built once (on first use) and prepared, not rebuilt on every request.
  const prepareSelectUser = () => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).limit(1).prepare('get_user_by_id');
  let selectUser: ReturnType<typeof prepareSelectUser> | undefined;

  const createUser = createRoute({
    operationId: 'createUser',
    method: 'post',
    path: '/',
    tags: ['Users'],
    summary: 'Register the caller as a user',
    description: 'Creates the user whose id is the token `sub`. Requires scope `users:write`.',
    security: bearerSecurity,
    middleware: [limits.write, requireScope('users:write'), limitBody] as const,
    request: { body: { required: true, content: { 'application/json': { schema: CreateUserSchema } } } },
    responses: withResponseHeaders({
      201: { description: 'The user was created.', content: { 'application/json': { schema: UserSchema } } },
      400: errorResponse('Invalid body (`validation_failed`, `bad_request`).'),
      409: errorResponse('The user or the email already exists (`conflict`).'),
      413: errorResponse('Body over 64 KB (`payload_too_large`).'),
      ...authErrorResponses,
    }),
  });

  // #region user-route
  const getUser = createRoute({
    operationId: 'getUser',
    method: 'get',
    path: '/{id}',
    tags: ['Users'],
    summary: 'Read a user',
    description: `Your own user, or any user with scope \`${USERS_ADMIN_SCOPE}\`. Requires scope \`users:read\`. Another user's id answers 404, exactly like an unknown id.`,
    security: bearerSecurity,
    middleware: [limits.read, requireScope('users:read')] as const,
    request: { params: UserParamsSchema },
    responses: withResponseHeaders({
      200: { description: 'The user.', content: { 'application/json': { schema: UserSchema } } },
      400: errorResponse('Invalid id (`validation_failed`).'),
      404: errorResponse('No such user visible to the caller (`not_found`).'),
      ...authErrorResponses,
    }),
  });

  return new OpenAPIHono<AppEnv>()
    .openapi(getUser, async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      // Same answer for "not yours" and "does not exist": no probing for other users' ids.
      if (id !== principal.userId && !principal.scopes.has(USERS_ADMIN_SCOPE)) throw new NotFoundError('User');
      selectUser ??= prepareSelectUser();
      const [row] = await selectUser.execute({ id });
      if (!row) throw new NotFoundError('User');
      return json(c, toUser(row), 200);
    })
    // #endregion user-route
    .openapi(createUser, async (c) => {
      const body = c.req.valid('json');
      const [row] = await db
        .insert(users)
        .values({ id: c.get('principal').userId, email: body.email, name: body.name })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('conflict', 'This user or email is already registered');
      return json(c, toUser(row), 201);
    });
}
