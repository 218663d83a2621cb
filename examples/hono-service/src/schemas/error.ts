import { z } from '@hono/zod-openapi';

import { ERROR_CODES, MAX_ERROR_DETAILS, type ErrorCode } from './error-codes.ts';

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Every documented error code, with its meaning in the OpenAPI description. */
export const ErrorCodeSchema = z.enum(codes).openapi('ErrorCode', {
  description: codes.map((code) => `- \`${code}\` (${ERROR_CODES[code].status}): ${ERROR_CODES[code].description}`).join('\n'),
});

// #region error-schema
/** The one error shape: `{ error: { code, message, details? } }`. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string().max(1000).openapi({ example: 'The request is invalid' }),
      details: z
        .array(z.object({ path: z.string().max(200).openapi({ example: 'body.amountCents' }), message: z.string().max(1000) }))
        .max(MAX_ERROR_DETAILS)
        .optional()
        .openapi({ description: 'Present on `validation_failed`: one entry per failing field.' }),
    }),
  })
  .openapi('Error');
// #endregion error-schema

/** The body of every error response. */
export type ErrorBody = z.infer<typeof ErrorSchema>;

/** An OpenAPI response entry for an error status, so each route documents its failures. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** The failures every authenticated route shares. */
export const authErrorResponses = {
  401: errorResponse('Missing or invalid bearer token (`unauthorized`).'),
  403: errorResponse('The token lacks the required scope (`forbidden`).'),
  429: errorResponse('Rate limit exceeded (`rate_limited`); see `Retry-After`.'),
  500: errorResponse('Unexpected error (`internal_error`).'),
} as const;
