/**
 * The contract between the frontend and the API, and the one module of server/ the frontend
 * imports: the Zod schemas, the types derived from them, the error shape, and `AppType` for
 * `hc<AppType>()`. `AppType` is a type, erased when compiled, so importing this module loads Zod
 * and these schemas, none of the API's code (server/contract.test.ts keeps it so). TypeScript
 * still computes `AppType` from the routes in server/api.ts: the frontend compiles against them.
 */
import { z } from 'zod';

// #region create-user-schema
/** What POST /users accepts. The messages are written for people: the form shows them as is. */
export const createUserSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  email: z.string().trim().toLowerCase().pipe(z.email('Enter an email address, like ada@example.com')),
});

/** What the API stores for a new user: the schema's output (name trimmed, email lower-cased). */
export type NewUser = z.output<typeof createUserSchema>;
// #endregion

// #region user-schema
/** A user as the API answers with it. `createdAt` is ISO 8601: what JSON carries. */
export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email(),
  createdAt: z.iso.datetime(),
});

export type User = z.infer<typeof userSchema>;
// #endregion

// #region error-shape
/** Every error code the API answers with; the README's table says when each is sent. */
export const ERROR_CODES = ['bad_request', 'validation_failed', 'not_found', 'email_taken', 'internal'] as const;

/** The playbook's error shape, `{ error: { code, message, details? } }`; `details` lists the messages per field. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
// #endregion

export type { AppType } from './api';
