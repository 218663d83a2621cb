import { z } from '@hono/zod-openapi';
import { text, timestamp } from './common.ts';

/** A user id is the `sub` of the user's tokens, as issued by the identity provider. */
// No control characters: none belongs in a subject, and NUL would reach the database as a 500.
export const UserIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\x00-\x1f\x7f]+$/, 'A user id has no control characters')
  .openapi({ example: 'alice' });

/** A user as the API returns it. */
export const UserSchema = z
  .object({
    id: UserIdSchema,
    email: z.email().max(320).openapi({ example: 'alice@example.com' }),
    name: z.string().min(1).max(200).openapi({ example: 'Alice Example' }),
    createdAt: timestamp().openapi({ example: '2026-01-01T00:00:00.000Z' }),
  })
  .openapi('User');

/** Body of `POST /v1/users`: register the caller (the token's `sub`) as a user. */
export const CreateUserSchema = z
  .object({
    email: z.email().max(320),
    name: text(1, 200),
  })
  .strict()
  .openapi('CreateUser');

/** Path parameters of `GET /v1/users/{id}`. */
export const UserParamsSchema = z.object({
  id: UserIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export type User = z.infer<typeof UserSchema>;
export type CreateUser = z.infer<typeof CreateUserSchema>;
