import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_CODES, MAX_ERROR_DETAILS, type ErrorCode, type ErrorDetail } from '../../schemas/error-codes.ts';

// The codes are part of the contract (src/schemas/error-codes.ts); re-exported for the service's own code.
export { ERROR_CODES, MAX_ERROR_DETAILS, type ErrorCode, type ErrorDetail };

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
