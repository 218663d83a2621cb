import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/app-env.ts';
import { AppError } from '../lib/errors/app-error.ts';
import type { BucketPolicy, RateLimitStore, TakeResult } from './rate-limit-store.ts';
import { setResponseHeader } from './response-headers.ts';

export type RateLimitOptions = {
  store: RateLimitStore;
  policy: BucketPolicy;
  /** Injected clock (milliseconds), for tests. */
  now?: () => number;
  /**
   * Called when the store fails (Redis down). The request is then let through: an outage of the
   * limiter must not turn every request into a 500.
   */
  onStoreError?: (error: unknown) => void;
};

/** One bucket policy over a store: `take` spends a token for a key and returns the headers to send. */
export type Bucket = {
  /**
   * Headers for the response, or throws `AppError('rate_limited')` (429) once the bucket is empty.
   * Synchronous when the store is (in memory): no promise on the hot path that does not need one.
   */
  take(key: string): Record<string, string> | Promise<Record<string, string>>;
};

/**
 * The client's address as the socket saw it (@hono/node-server), or `unknown` elsewhere (tests).
 * Behind a proxy that is the proxy's address: put the limit on the proxy too, or key on a header
 * the proxy sets and strips from clients.
 */
export const clientAddress = (c: Context): string =>
  (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';

/** Who a request counts against: an API key, else its user, else its address. */
export function callerKey(c: Context<AppEnv>): string {
  const principal = c.get('principal');
  // An integration's key has its own buckets, apart from its user's own calls.
  if (principal?.apiKeyId) return `key-${principal.apiKeyId}`;
  return principal?.userId ?? `ip-${clientAddress(c)}`;
}

/** Validate the options and return a `Bucket`; shared by `rateLimit` and the auth-failure limit. */
export function createBucket(options: RateLimitOptions): Bucket {
  const { store, policy } = options ?? {};
  if (typeof store?.take !== 'function') throw new TypeError('rateLimit: options.store must be a RateLimitStore');
  if (!policy || !(policy.capacity >= 1) || !(policy.windowSeconds > 0) || !/^[a-z0-9-]+$/.test(policy.name)) {
    throw new TypeError('rateLimit: options.policy needs a name, capacity >= 1 and windowSeconds > 0');
  }
  const now = options.now ?? Date.now;
  const policyHeader = `"${policy.name}";q=${policy.capacity};w=${policy.windowSeconds}`;
  const storeFailed = (error: unknown) => {
    options.onStoreError?.(error);
    return {};
  };
  const answer = (result: TakeResult): Record<string, string> => {
    const remaining = `"${policy.name}";r=${result.remaining};t=${result.allowed ? result.resetSeconds : result.retryAfterSeconds}`;
    const headers = { 'RateLimit-Policy': policyHeader, RateLimit: remaining };
    if (!result.allowed) {
      throw new AppError('rate_limited', `Too many requests; retry in ${result.retryAfterSeconds} s`, { headers: { ...headers, 'Retry-After': String(result.retryAfterSeconds) } });
    }
    return headers;
  };
  return {
    take(key) {
      let result: TakeResult | Promise<TakeResult>;
      try {
        result = store.take(key, policy, now());
      } catch (error) {
        return storeFailed(error);
      }
      return result instanceof Promise ? result.then(answer, storeFailed) : answer(result);
    },
  };
}

// #region rate-limit
/**
 * Token bucket per (caller + endpoint): the caller is the API key, else the authenticated user,
 * else the client address. Answers 429 with `Retry-After` once the bucket is empty, and always
 * sends the IETF draft `RateLimit` / `RateLimit-Policy` headers. Mount it after `requireAuth`, first
 * on the route itself, so the key is the route pattern (`GET /v1/invoices/:id`), not the concrete
 * URL, and every answer of the route (403, 404, 413 and 400 included) carries the headers.
 *
 * @example createRoute({ ..., middleware: [rateLimit({ store, policy: writes }), requireScope('invoices:write')] })
 */
export const rateLimit = (options: RateLimitOptions) => {
  const bucket = createBucket(options);
  return createMiddleware<AppEnv>(async function rateLimitMiddleware(c, next) {
    const taken = bucket.take(`${callerKey(c)}:${c.req.method} ${c.req.routePath}`);
    const headers = taken instanceof Promise ? await taken : taken;
    for (const name in headers) setResponseHeader(c, name, headers[name]!);
    await next();
  });
};
// #endregion rate-limit
