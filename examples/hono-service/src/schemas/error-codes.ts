/**
 * The error codes of the contract: what `{ error: { code } }` may say, with the status of each.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// #region error-codes
/**
 * Every error code the API can answer with, and its HTTP status. This table is the single
 * source for the OpenAPI `ErrorCode` enum and the error handler (the README's table is written
 * from it). It is part of the contract, so it lives with the schemas: clients that import the
 * contract load it and nothing of the service's internals.
 */
export const ERROR_CODES = {
  bad_request: { status: 400, description: 'The request could not be read (for example malformed JSON).' },
  validation_failed: { status: 400, description: 'The request did not match the schema; `details` lists every failing field.' },
  unauthorized: { status: 401, description: 'Missing, malformed, expired or otherwise invalid bearer token or API key (wrong, expired or revoked).' },
  forbidden: { status: 403, description: 'The token or key is valid but lacks the scope this endpoint requires, or an API key tried to manage API keys.' },
  not_found: { status: 404, description: 'No such route, or no such resource visible to the caller.' },
  method_not_allowed: { status: 405, description: 'The path exists but not with this method; see the `Allow` header.' },
  conflict: { status: 409, description: 'The request conflicts with the current state (for example the user already exists).' },
  idempotency_key_reused: { status: 409, description: 'This `Idempotency-Key` was already used with a different request body.' },
  payload_too_large: { status: 413, description: 'The request body is larger than 64 KB.' },
  rate_limited: { status: 429, description: 'Too many requests for this caller (user, API key or client address) and endpoint; see `Retry-After`.' },
  internal_error: { status: 500, description: 'Unexpected failure. Details are logged, never returned.' },
  service_unavailable: { status: 503, description: 'The service is shutting down or a dependency (the database) is down.' },
  jobs_unavailable: { status: 503, description: 'Background jobs are not configured (`REDIS_URL` and `DATABASE_URL` are needed) or Redis is unreachable.' },
} as const satisfies Record<string, { status: ContentfulStatusCode; description: string }>;
// #endregion error-codes

/** One of the documented error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** At most this many `details` entries per error: the answer to a huge bad body stays small. */
export const MAX_ERROR_DETAILS = 100;

/** One failing field of a `validation_failed` error. */
export type ErrorDetail = { path: string; message: string };
