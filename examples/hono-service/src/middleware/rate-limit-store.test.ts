import { describe, expect, it } from 'vitest';
import { createMemoryStore, takeToken } from './rate-limit-store.ts';

const policy = { name: 'write', capacity: 2, windowSeconds: 60 };

describe('token bucket', () => {
  it('starts full, empties, then refills at capacity per window', () => {
    let state: ReturnType<typeof takeToken>['state'] | undefined;
    const take = (now: number) => {
      const step = takeToken(state, policy, now);
      state = step.state;
      return step.result;
    };
    expect(take(0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(take(0)).toMatchObject({ allowed: true, remaining: 0 });
    expect(take(0)).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
    expect(take(29_000)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(take(30_000)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const store = createMemoryStore({ maxKeys: 2 });
    store.take('a', policy, 0);
    store.take('a', policy, 0);
    store.take('b', policy, 0);
    store.take('c', policy, 0); // evicts "a"
    expect(store.take('a', policy, 0)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('validates its options when created', () => {
    expect(() => createMemoryStore({ maxKeys: 0 })).toThrow(TypeError);
  });
});

describe('rate limit with a failing store', () => {
  it('lets the request through and reports the error instead of answering 500', async () => {
    const { Hono } = await import('hono');
    const { rateLimit } = await import('./rate-limit.ts');
    const errors: unknown[] = [];
    const failing = { take: () => Promise.reject(new Error('redis down')) };
    const app = new Hono().get('/', rateLimit({ store: failing, policy, onStoreError: (error) => errors.push(error) }), (c) => c.text('ok'));
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(errors).toHaveLength(1);
  });
});
