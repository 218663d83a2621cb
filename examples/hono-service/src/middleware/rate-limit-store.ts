/** The shape of one bucket: `capacity` tokens, refilled continuously over `windowSeconds`. */
export type BucketPolicy = {
  /** Name shown in the `RateLimit-Policy` header, e.g. "read" or "write". */
  name: string;
  capacity: number;
  /** Seconds to refill an empty bucket completely. */
  windowSeconds: number;
};

/** The outcome of taking one token. */
export type TakeResult = {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until one token is available again (0 when allowed). */
  retryAfterSeconds: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
};

/**
 * Where buckets live. In memory by default (one process, WebContainers-friendly); implement
 * this over Redis to share buckets between replicas, as the playbook prescribes in production.
 */
export interface RateLimitStore {
  take(key: string, policy: BucketPolicy, nowMs: number): TakeResult | Promise<TakeResult>;
}

/** Turn "tokens left after this request" into the answer headers need; shared by every store. */
export function bucketResult(tokens: number, allowed: boolean, policy: BucketPolicy): TakeResult {
  const ratePerMs = policy.capacity / (policy.windowSeconds * 1000);
  return {
    allowed,
    remaining: Math.floor(tokens),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / ratePerMs / 1000)),
    resetSeconds: Math.ceil((policy.capacity - tokens) / ratePerMs / 1000),
  };
}

/** Compute one token-bucket step: refill for the time elapsed, then take one token if there is one. */
export function takeToken(state: { tokens: number; updatedMs: number } | undefined, policy: BucketPolicy, nowMs: number) {
  const ratePerMs = policy.capacity / (policy.windowSeconds * 1000);
  const elapsed = state ? Math.max(0, nowMs - state.updatedMs) : 0;
  const available = state ? Math.min(policy.capacity, state.tokens + elapsed * ratePerMs) : policy.capacity;
  const allowed = available >= 1;
  const tokens = allowed ? available - 1 : available;
  return { state: { tokens, updatedMs: nowMs }, result: bucketResult(tokens, allowed, policy) };
}

/**
 * In-memory token buckets, bounded to `maxKeys` (oldest-touched dropped first) so a flood of
 * distinct users cannot exhaust memory.
 */
export function createMemoryStore(options: { maxKeys?: number } = {}): RateLimitStore {
  const maxKeys = options.maxKeys ?? 100_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new TypeError('createMemoryStore: maxKeys must be a positive integer');
  const buckets = new Map<string, { tokens: number; updatedMs: number }>();
  return {
    take(key, policy, nowMs) {
      const { state, result } = takeToken(buckets.get(key), policy, nowMs);
      buckets.delete(key); // re-insert so Map order is least-recently-used first
      if (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value as string);
      buckets.set(key, state);
      return result;
    },
  };
}
