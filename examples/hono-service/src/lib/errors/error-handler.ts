import type { Context, ErrorHandler, Hono, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { ZodError } from 'zod';
import { AppError, MAX_ERROR_DETAILS, type ErrorDetail } from './app-error.ts';

/** Send an AppError as the documented JSON shape. */
export function errorResponse(c: Context, error: AppError): Response {
  for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
  return c.json(error.toBody(), error.status);
}

/** Turn Zod issues into `details` entries: one per failing field, prefixed by where it was sent. */
export function validationError(error: ZodError, target: string): AppError {
  const details: ErrorDetail[] = error.issues.slice(0, MAX_ERROR_DETAILS).map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.').slice(0, 200),
    message: issue.message.slice(0, 1000),
  }));
  return new AppError('validation_failed', 'The request is invalid', { details });
}

// #region error-handler
/**
 * The app's one `onError`: documented errors go out as they are; anything else is logged in
 * full (stack, cause, SQL) and answered with a generic 500 that leaks nothing.
 */
export const createErrorHandler = (options: { logger: Logger }): ErrorHandler => {
  if (!options?.logger) throw new TypeError('createErrorHandler: options.logger is required');
  const { logger } = options;
  return function errorHandler(err, c) {
    if (err instanceof AppError) return errorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      // Hono's own 4xx (for example malformed JSON from the validator) keep their status.
      const code = err.status === 413 ? 'payload_too_large' : 'bad_request';
      return errorResponse(c, new AppError(code, err.message || 'Bad request'));
    }
    logger.error({ err, trace_id: c.get('traceId'), method: c.req.method, path: c.req.path }, 'unhandled error');
    return errorResponse(c, new AppError('internal_error', 'Something went wrong. Quote the trace id when reporting it.'));
  };
};
// #endregion error-handler

/**
 * `notFound` that tells "no such path" (404) from "path exists, wrong method" (405 + `Allow`),
 * both in the error shape. Reads the app's registered routes once, on first use.
 */
export const createNotFoundHandler = (options: { app: Hono<any, any, any> }): NotFoundHandler => {
  if (!options?.app) throw new TypeError('createNotFoundHandler: options.app is required');
  let table: { pattern: RegExp; method: string }[] | undefined;
  return function notFoundHandler(c) {
    table ??= options.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => ({
        method: route.method,
        pattern: new RegExp(`^${route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}/?$`),
      }));
    const allowed = [...new Set(table.filter((route) => route.pattern.test(c.req.path)).map((route) => route.method))];
    if (allowed.length > 0) {
      const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
      return errorResponse(c, new AppError('method_not_allowed', `Method ${c.req.method} is not allowed on ${c.req.path}`, { headers: { Allow: allow.join(', ') } }));
    }
    return errorResponse(c, new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`));
  };
};
