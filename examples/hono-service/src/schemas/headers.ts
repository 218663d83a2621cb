import type { OpenAPIHono } from '@hono/zod-openapi';

/**
 * The response headers the service sends, as OpenAPI header components, and the helper that
 * declares them on every response of a route: the document says what the service does (the OWASP
 * API ruleset checks it: rate-limit headers on every 2xx and 4xx, `Retry-After` on 429).
 */
export const RESPONSE_HEADERS = {
  'X-Trace-Id': {
    description: 'W3C trace id of this request (from `traceparent`, or generated). Quote it when reporting a problem.',
    required: true,
    schema: { type: 'string', pattern: '^[0-9a-f]{32}$', minLength: 32, maxLength: 32 },
  },
  RateLimit: {
    description:
      'IETF draft `RateLimit` of the bucket this request counted against: `r` tokens left, `t` seconds until the bucket is full (until the next token when limited). Absent only if the limiter store is down (requests are then let through).',
    schema: { type: 'string', pattern: '^"[a-z0-9-]+";r=\\d+;t=\\d+$', maxLength: 100 },
    example: '"read";r=299;t=1',
  },
  'RateLimit-Policy': {
    description: 'IETF draft `RateLimit-Policy`: the bucket (`read`, `write`, `reports`, `health` or `auth-failures`), its size `q` and its window `w` in seconds.',
    schema: { type: 'string', pattern: '^"[a-z0-9-]+";q=\\d+;w=\\d+$', maxLength: 100 },
    example: '"read";q=300;w=60',
  },
  'Retry-After': {
    description: 'Seconds until the bucket has a token again.',
    required: true,
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86_400 },
  },
  'WWW-Authenticate': {
    description: 'RFC 6750 challenge: `Bearer error="invalid_token"` (401) or `Bearer error="insufficient_scope", scope="…"` (403).',
    schema: { type: 'string', maxLength: 200 },
  },
  'Access-Control-Allow-Origin': {
    description:
      'CORS: sent only when `CORS_ORIGINS` lists the request’s `Origin` (then echoing it). By default the list is empty and the header is never sent: no browser page on another origin may read an answer (the handbook’s clients call through their own server).',
    schema: { type: 'string', format: 'uri', maxLength: 200 },
  },
  Location: {
    description: 'Where to poll the created resource.',
    required: true,
    schema: { type: 'string', format: 'uri-reference', maxLength: 200 },
  },
} as const;

/** Register the header components on the app's OpenAPI registry. */
export function registerResponseHeaders(app: Pick<OpenAPIHono<any>, 'openAPIRegistry'>): void {
  for (const [name, header] of Object.entries(RESPONSE_HEADERS)) app.openAPIRegistry.registerComponent('headers', name, header as never);
}

const ref = (name: keyof typeof RESPONSE_HEADERS) => ({ $ref: `#/components/headers/${name}` });

/**
 * Declare on each response the headers it carries: `X-Trace-Id` (and CORS, when configured) on all; the rate-limit pair on
 * 2xx and 4xx (every answer after the route's limiter, and 401s through the auth-failure bucket);
 * `Retry-After` on 429; `WWW-Authenticate` on 401 and 403. The routes' own headers are kept.
 */
export function withResponseHeaders<T extends Record<number, { description: string; headers?: object }>>(responses: T): T {
  const entries = Object.entries(responses).map(([status, response]) => {
    const code = Number(status);
    const headers: Record<string, object> = { 'X-Trace-Id': ref('X-Trace-Id'), 'Access-Control-Allow-Origin': ref('Access-Control-Allow-Origin') };
    if (code < 500) Object.assign(headers, { RateLimit: ref('RateLimit'), 'RateLimit-Policy': ref('RateLimit-Policy') });
    if (code === 429) headers['Retry-After'] = ref('Retry-After');
    if (code === 401 || code === 403) headers['WWW-Authenticate'] = ref('WWW-Authenticate');
    return [status, { ...response, headers: { ...headers, ...response.headers } }];
  });
  return Object.fromEntries(entries) as T;
}
