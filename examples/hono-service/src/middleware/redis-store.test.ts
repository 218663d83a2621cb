import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisStore } from './redis-store.ts';

const url = process.env.REDIS_URL;
if (!url) console.log('REDIS_URL is not set: skipping the Redis rate-limit store test (the in-memory store is tested).');

describe.skipIf(!url)('Redis rate-limit store', () => {
  const client = url ? new Redis(url, { maxRetriesPerRequest: 1 }) : undefined;
  const prefix = `test:${process.pid}:${Date.now()}:`;
  afterAll(async () => {
    const keys = await client!.keys(`${prefix}*`);
    if (keys.length > 0) await client!.del(...keys);
    await client!.quit();
  });

  it('empties and refills a bucket exactly like the in-memory store', async () => {
    const store = createRedisStore({ client: client!, prefix });
    const policy = { name: 'write', capacity: 2, windowSeconds: 60 };
    expect(await store.take('alice:POST /v1/invoices', policy, 0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await store.take('alice:POST /v1/invoices', policy, 0)).toMatchObject({ allowed: true, remaining: 0 });
    expect(await store.take('alice:POST /v1/invoices', policy, 0)).toMatchObject({ allowed: false, retryAfterSeconds: 30 });
    expect(await store.take('bob:POST /v1/invoices', policy, 0)).toMatchObject({ allowed: true });
    expect(await store.take('alice:POST /v1/invoices', policy, 30_000)).toMatchObject({ allowed: true, remaining: 0 });
  });
});
