import assert from 'node:assert/strict';

/** The documented error codes and their statuses (hono-service's table, fastapi-service's too). */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

/** A JSON request: `body` is sent as JSON unless it is a string (sent as is, e.g. malformed JSON). */
export function call(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return fetch(`${baseUrl}${path}`, { method, headers, body });
}

/**
 * Assert a response is `status` in the documented error shape with `code`, and return its body's
 * `error`. Never a stack trace, never SQL: the body is checked for both.
 */
export async function expectError(response: Response, status: number, code: keyof typeof ERROR_STATUS, context = '') {
  const text = await response.text();
  const where = `${context} → ${response.status} ${text.slice(0, 300)}`;
  assert.equal(response.status, status, where);
  assert.equal(ERROR_STATUS[code], status, `${code} is documented as ${ERROR_STATUS[code]}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/, where);
  assert.doesNotMatch(text, /Traceback|\bat .*\.(ts|js|py):\d+|SELECT |INSERT INTO/i, `internals leaked: ${where}`);
  const body = JSON.parse(text) as ErrorBody;
  assert.deepEqual(Object.keys(body), ['error'], where);
  assert.equal(body.error.code, code, where);
  assert.equal(typeof body.error.message, 'string', where);
  assert.ok(Object.keys(body.error).every((key) => ['code', 'message', 'details'].includes(key)), where);
  for (const detail of body.error.details ?? []) {
    assert.deepEqual(Object.keys(detail).sort(), ['message', 'path'], where);
  }
  return body.error;
}

/** A unique user id per run, so buckets and rows from an earlier run never meet this one. */
export const uniqueUser = (name: string) => `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
