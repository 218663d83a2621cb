import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../lib/app-env.ts';
import { AppError } from '../lib/errors/app-error.ts';
import type { BucketPolicy, RateLimitStore } from './rate-limit-store.ts';
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

// #region rate-limit
/**
 * Token bucket per (authenticated user, or API key, + endpoint). Answers 429 with `Retry-After` once the
 * bucket is empty, and always sends the IETF draft `RateLimit` / `RateLimit-Policy` headers.
 * Mount it after `requireAuth`, on the route itself, so the key is the route pattern
 * (`GET /v1/invoices/:id`), not the concrete URL.
 *
 * @example createRoute({ ..., middleware: [requireScope('invoices:write'), rateLimit({ store, policy: writes })] })
 */
export const rateLimit = (options: RateLimitOptions) => {
  const { store, policy } = options ?? {};
  if (typeof store?.take !== 'function') throw new TypeError('rateLimit: options.store must be a RateLimitStore');
  if (!policy || !(policy.capacity >= 1) || !(policy.windowSeconds > 0) || !/^[a-z0-9-]+$/.test(policy.name)) {
    throw new TypeError('rateLimit: options.policy needs a name, capacity >= 1 and windowSeconds > 0');
  }
  const now = options.now ?? Date.now;
  const policyHeader = `"${policy.name}";q=${policy.capacity};w=${policy.windowSeconds}`;
  return createMiddleware<AppEnv>(async function rateLimitMiddleware(c, next) {
    const principal = c.get('principal');
    // An integration's key has its own buckets, apart from its user's own calls.
    const caller = principal?.apiKeyId ? `key-${principal.apiKeyId}` : (principal?.userId ?? 'anonymous');
    const key = `${caller}:${c.req.method} ${c.req.routePath}`;
    let result;
    try {
      result = await store.take(key, policy, now());
    } catch (error) {
      options.onStoreError?.(error);
      return next();
    }
    const remaining = `"${policy.name}";r=${result.remaining};t=${result.allowed ? result.resetSeconds : result.retryAfterSeconds}`;
    if (!result.allowed) {
      throw new AppError('rate_limited', `Too many requests; retry in ${result.retryAfterSeconds} s`, {
        headers: { 'RateLimit-Policy': policyHeader, RateLimit: remaining, 'Retry-After': String(result.retryAfterSeconds) },
      });
    }
    setResponseHeader(c, 'RateLimit-Policy', policyHeader);
    setResponseHeader(c, 'RateLimit', remaining);
    await next();
  });
};
// #endregion rate-limit
