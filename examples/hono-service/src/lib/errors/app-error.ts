import type { ContentfulStatusCode } from 'hono/utils/http-status';

// #region error-codes
/**
 * Every error code the API can answer with, and its HTTP status. This table is the single
 * source for the OpenAPI `ErrorCode` enum, the README table and the error handler.
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

/**
 * An error the API answers on purpose. Throw it anywhere; the error handler turns it into
 * `{ error: { code, message, details? } }` with the status from `ERROR_CODES`.
 *
 * @example throw new AppError('not_found', 'Invoice not found')
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** The HTTP status for this error's code. */
  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code].status;
  }

  /** The JSON body every error response carries. */
  toBody(): { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** 404 for a resource the caller may not see, whether it exists or not (no existence leak). */
export class NotFoundError extends AppError {
  override name = 'NotFoundError';
  constructor(resource: string) {
    super('not_found', `${resource} not found`);
  }
}

/** 401: the bearer token is missing or invalid. */
export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError';
  constructor(message = 'A valid bearer token is required') {
    // RFC 6750: a 401 for bearer auth names the scheme so clients know how to authenticate.
    super('unauthorized', message, { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
  }
}

/** 403: the token lacks a required scope. */
export class ForbiddenError extends AppError {
  override name = 'ForbiddenError';
  constructor(scope: string) {
    super('forbidden', `This endpoint requires the scope "${scope}"`, {
      headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${scope}"` },
    });
  }
}
