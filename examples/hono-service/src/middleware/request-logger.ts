import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';
import type { AppEnv } from '../lib/app-env.ts';
import { setResponseHeader } from './response-headers.ts';

/** W3C Trace Context: version-traceid-parentid-flags, all lowercase hex. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id from a `traceparent` header, or a fresh one when absent or malformed. */
export function traceIdFrom(traceparent: string | undefined): string {
  const match = traceparent?.trim().match(TRACEPARENT);
  // An all-zero trace id is invalid by the spec: treat it like a missing header.
  if (match?.[1] && !/^0+$/.test(match[1])) return match[1];
  // randomUUID draws from a cached entropy pool: far cheaper per request than randomBytes.
  return randomUUID().replaceAll('-', '');
}

export type RequestLoggerOptions = {
  logger: Logger;
  /** Response header that echoes the trace id, so a caller can quote it in a bug report. */
  traceHeader?: string;
};

/**
 * One structured JSON line per request: method, path, status, duration_ms, trace_id, user_id (and
 * api_key_id for a call made with an API key).
 * Mount it first so it times and sees everything, errors included.
 */
export const requestLogger = (options: RequestLoggerOptions) => {
  if (typeof options?.logger?.info !== 'function') throw new TypeError('requestLogger: options.logger must be a pino logger');
  const { logger } = options;
  const traceHeader = options.traceHeader ?? 'X-Trace-Id';
  return createMiddleware<AppEnv>(async function requestLoggerMiddleware(c, next) {
    const started = performance.now();
    const traceId = traceIdFrom(c.req.header('traceparent'));
    c.set('traceId', traceId);
    // Set before `next()`: it goes on whatever response is built, errors included.
    setResponseHeader(c, traceHeader, traceId);
    await next();
    const status = c.res.status;
    const principal = c.get('principal');
    const line: Record<string, unknown> = {
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      trace_id: traceId,
      user_id: principal?.userId ?? null,
    };
    // Calls made by an integration name its key (never the secret), so a key can be audited.
    if (principal?.apiKeyId) line.api_key_id = principal.apiKeyId;
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  });
};
