import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../lib/app-env.ts';

/** Options of Hono's `secureHeaders()` (Hono does not export the type). */
export type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

export type ResponseHeadersOptions = {
  /** Options of Hono's `secureHeaders()`: the security headers every response carries. */
  secure?: SecureHeadersOptions;
  /** Fixed headers every response carries, e.g. `Cache-Control`. */
  headers?: Record<string, string>;
};

/**
 * The headers every response carries (a `secureHeaders()` set, any fixed extra headers such as
 * `Cache-Control`, the trace id, the rate-limit headers), gathered per request in one plain object
 * instead of a `Headers` object.
 *
 * Why: the first `c.header()` makes Hono build a WHATWG `Headers` (validated, sorted, copied again
 * by @hono/node-server before it writes), which costs more than the rest of the chain. A plain
 * object goes straight to `writeHead`. Routes answer with `json(c, body, status)`, which puts the
 * gathered headers on the response in one pass; any other response (errors, docs, 404) gets them
 * the ordinary way after `next()`, so every response still carries every header. On that path a
 * header the route set itself wins (the reference page's own CSP, an asset's `Cache-Control`).
 *
 * The secure headers are Hono's own: the list is read once from a response of `secureHeaders(options)`,
 * so it is exactly the set (and values) that middleware would send.
 */
export const responseHeaders = (options: ResponseHeadersOptions = {}) => {
  const csp = Object.values({ ...options.secure?.contentSecurityPolicy, ...options.secure?.contentSecurityPolicyReportOnly }).flat();
  if (csp.some((value) => typeof value === 'function')) throw new TypeError('responseHeaders: per-request CSP values (nonces) are not supported');
  const fixed = Object.fromEntries(new Headers(options.headers)); // validated, names lower-cased
  const listed = secureHeaderList(options.secure).then((secure) => ({ ...secure, ...fixed }));
  let defaults: Record<string, string> | undefined;
  return createMiddleware<AppEnv>(async function responseHeadersMiddleware(c, next) {
    const headers: Record<string, string> = { ...(defaults ??= await listed) };
    c.set('responseHeaders', headers);
    await next();
    if (c.get('responseHeadersSent') === c.res) return;
    // Slow path (errors, docs, not found): what `secureHeaders()` and `c.header()` would have done,
    // except that a header the route already set is kept. The body type is the response's own.
    const target = c.res.headers;
    for (const name in headers) if (name !== 'content-type' && !target.has(name)) target.set(name, headers[name]!);
    target.delete('X-Powered-By');
  });
};

/** Add a header to this request's response: to the gathered set when there is one, else `c.header()`. */
export function setResponseHeader(c: Context<AppEnv>, name: string, value: string): void {
  const headers = c.get('responseHeaders');
  if (headers) headers[name] = value;
  else c.header(name, value);
}

/**
 * Leave a header of the gathered set off this request's response: for the one page that must
 * differ from the rest (the index at `/` may be framed, so it goes without `X-Frame-Options`).
 */
export function omitResponseHeader(c: Context<AppEnv>, name: string): void {
  const headers = c.get('responseHeaders');
  if (headers) delete headers[name.toLowerCase()];
}

/**
 * `c.json(body, status)` carrying the gathered headers in a plain object (see `responseHeaders`).
 * Same type as `c.json`, so the typed client (`hc<AppType>`) is unchanged.
 */
export function json<T extends object, S extends ContentfulStatusCode>(c: Context<AppEnv>, body: T, status: S) {
  const headers = c.get('responseHeaders');
  if (!headers) return c.json(body, status);
  headers['content-type'] = 'application/json';
  const response = new Response(JSON.stringify(body), { status, headers });
  c.set('responseHeadersSent', response);
  return response as ReturnType<typeof c.json<T, S>>;
}

/** The `[name, value]` pairs `secureHeaders(options)` puts on a response, read from one. */
async function secureHeaderList(options: SecureHeadersOptions | undefined): Promise<Record<string, string>> {
  const probe = new Hono().use(secureHeaders(options)).get('/', (c) => c.body(null));
  const response = await probe.request('/');
  return Object.fromEntries(response.headers);
}
