import { bucketResult, type RateLimitStore } from './rate-limit-store.ts';

/** The one Redis command the store needs; an ioredis (or node-redis adapter) client fits. */
export type RedisEvalClient = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
};

// The same arithmetic as `takeToken`, run atomically inside Redis so replicas share one bucket
// without races. Tokens are returned as a string: Redis truncates Lua numbers to integers.
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = capacity
if state[1] then
  local elapsed = math.max(0, now - tonumber(state[2]))
  tokens = math.min(capacity, tonumber(state[1]) + elapsed * capacity / window_ms)
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('PEXPIRE', KEYS[1], window_ms)
return { allowed, tostring(tokens) }
`;

/**
 * Token buckets in Redis, shared by every replica (the playbook's production setup). Buckets
 * expire after one idle window, so Redis memory stays bounded by active users. Time comes from
 * the replicas' clocks (kept in sync by NTP), which also lets tests inject a clock.
 *
 * @example createRedisStore({ client: new Redis(env.REDIS_URL) })
 */
export function createRedisStore(options: { client: RedisEvalClient; prefix?: string }): RateLimitStore {
  if (typeof options?.client?.eval !== 'function') throw new TypeError('createRedisStore: options.client must be a Redis client with eval()');
  const prefix = options.prefix ?? 'ratelimit:';
  return {
    async take(key, policy, nowMs) {
      const reply = (await options.client.eval(TAKE_SCRIPT, 1, `${prefix}${policy.name}:${key}`, policy.capacity, policy.windowSeconds * 1000, nowMs)) as [number, string];
      return bucketResult(Number(reply[1]), reply[0] === 1, policy);
    },
  };
}
