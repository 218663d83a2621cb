"""Token buckets per (user + endpoint): the same arithmetic and headers as hono-service."""

import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class BucketPolicy:
    """`capacity` tokens, refilled continuously over `window_seconds`; `name` shows in headers."""

    name: str
    capacity: int
    window_seconds: int = 60

    def __post_init__(self) -> None:
        if self.capacity < 1 or self.window_seconds <= 0 or not re.fullmatch(r"[a-z0-9-]+", self.name):
            raise ValueError("BucketPolicy needs a name, capacity >= 1 and window_seconds > 0")


@dataclass(frozen=True, slots=True)
class TakeResult:
    allowed: bool
    #: Whole tokens left after this request.
    remaining: int
    #: Seconds until one token is available again (0 when allowed).
    retry_after_seconds: int
    #: Seconds until the bucket is full again.
    reset_seconds: int


def bucket_result(tokens: float, allowed: bool, policy: BucketPolicy) -> TakeResult:
    """Turn "tokens left after this request" into what the headers need; shared by every store."""
    rate_per_ms = policy.capacity / (policy.window_seconds * 1000)
    return TakeResult(
        allowed=allowed,
        remaining=math.floor(tokens),
        retry_after_seconds=0 if allowed else max(1, math.ceil((1 - tokens) / rate_per_ms / 1000)),
        reset_seconds=math.ceil((policy.capacity - tokens) / rate_per_ms / 1000),
    )


# #region token-bucket
def take_token(
    state: tuple[float, float] | None, policy: BucketPolicy, now_ms: float
) -> tuple[tuple[float, float], TakeResult]:
    """One bucket step: refill for the time elapsed, then take a token if there is one.
    `state` is (tokens, updated_ms)."""
    rate_per_ms = policy.capacity / (policy.window_seconds * 1000)
    if state is None:
        available = float(policy.capacity)
    else:
        tokens, updated_ms = state
        available = min(policy.capacity, tokens + max(0.0, now_ms - updated_ms) * rate_per_ms)
    allowed = available >= 1
    tokens = available - 1 if allowed else available
    return (tokens, now_ms), bucket_result(tokens, allowed, policy)


# #endregion token-bucket


class RateLimitStore(Protocol):
    """Where buckets live: in memory (one process) or Redis (shared by replicas)."""

    async def take(self, key: str, policy: BucketPolicy, now_ms: float) -> TakeResult: ...


class MemoryStore:
    """In-memory buckets, bounded to `max_keys` (least recently used dropped first), so a flood
    of distinct users cannot exhaust memory."""

    def __init__(self, max_keys: int = 100_000) -> None:
        if max_keys < 1:
            raise ValueError("MemoryStore: max_keys must be positive")
        self.max_keys = max_keys
        self.buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, key: str, policy: BucketPolicy, now_ms: float) -> TakeResult:
        bucket_key = f"{policy.name}:{key}"
        state, result = take_token(self.buckets.pop(bucket_key, None), policy, now_ms)
        if len(self.buckets) >= self.max_keys:
            self.buckets.popitem(last=False)
        self.buckets[bucket_key] = state
        return result


# #region redis-store
# hono-service's script (src/middleware/redis-store.ts) unchanged: the same arithmetic as
# `take_token`, atomic inside Redis. Tokens come back as a string: Redis truncates Lua numbers.
TAKE_SCRIPT = """
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
"""


class RedisStore:
    """Buckets in Redis (redis-py asyncio), shared by every replica; they expire after one idle
    window. `register_script` runs EVALSHA and reloads the script if Redis lost it."""

    def __init__(self, client, prefix: str = "ratelimit:fastapi-service:") -> None:
        self.script = client.register_script(TAKE_SCRIPT)
        self.prefix = prefix

    async def take(self, key: str, policy: BucketPolicy, now_ms: float) -> TakeResult:
        allowed, tokens = await self.script(
            keys=[f"{self.prefix}{policy.name}:{key}"],
            args=[policy.capacity, policy.window_seconds * 1000, int(now_ms)],
        )
        return bucket_result(float(tokens), int(allowed) == 1, policy)


# #endregion redis-store
