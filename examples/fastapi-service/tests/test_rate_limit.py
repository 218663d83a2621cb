import os
import uuid

import pytest

from app.rate_limit import TAKE_SCRIPT, BucketPolicy, MemoryStore, RedisStore, TakeResult, take_token

pytestmark = pytest.mark.anyio

POLICY = BucketPolicy("read", capacity=3, window_seconds=60)


def test_a_full_bucket_gives_capacity_tokens_then_refuses():
    state, results = None, []
    for _ in range(4):
        state, result = take_token(state, POLICY, 0)
        results.append(result)
    assert [r.allowed for r in results] == [True, True, True, False]
    assert [r.remaining for r in results] == [2, 1, 0, 0]
    # One token per 20 s at 3 a minute.
    assert (results[3].retry_after_seconds, results[3].reset_seconds) == (20, 60)


def test_tokens_come_back_with_time_but_never_beyond_capacity():
    state, _ = take_token(None, POLICY, 0)
    state, result = take_token(state, POLICY, 10 * 60_000)
    assert result.allowed and result.remaining == 2


def test_bad_policies_are_refused_when_built():
    for bad in ({"capacity": 0}, {"window_seconds": 0}, {"name": "no spaces"}):
        with pytest.raises(ValueError):
            BucketPolicy(**({"name": "read", "capacity": 1} | bad))


async def test_memory_store_is_bounded_dropping_the_least_recently_used():
    store = MemoryStore(max_keys=2)
    await store.take("a", POLICY, 0)
    await store.take("b", POLICY, 0)
    await store.take("a", POLICY, 0)
    await store.take("c", POLICY, 0)
    assert set(store.buckets) == {"read:a", "read:c"}


async def test_memory_store_keeps_one_bucket_per_key():
    store = MemoryStore()
    for _ in range(3):
        await store.take("alice:get_user", POLICY, 0)
    assert not (await store.take("alice:get_user", POLICY, 0)).allowed
    assert (await store.take("bob:get_user", POLICY, 0)).allowed


class ScriptedRedis:
    """What `RedisStore` uses of redis-py's client: `register_script`, whose callable is answered here
    the way Redis answers the script (the 0/1 allowed flag, the tokens left as a byte string)."""

    def __init__(self, *answers: list) -> None:
        self.answers = list(answers)
        self.scripts: list[str] = []
        self.calls: list[tuple[list, list]] = []

    def register_script(self, script: str):
        self.scripts.append(script)

        async def run(*, keys: list, args: list) -> list:
            self.calls.append((keys, args))
            return self.answers.pop(0)

        return run


async def test_redis_store_sends_the_bucket_key_policy_and_time_and_reads_redis_answer():
    redis = ScriptedRedis([1, b"2"], [0, b"0.25"])
    store = RedisStore(redis)
    assert redis.scripts == [TAKE_SCRIPT]
    allowed = await store.take("alice:get_user", POLICY, 1_500.7)
    refused = await store.take("alice:get_user", POLICY, 2_000)
    key = "ratelimit:fastapi-service:read:alice:get_user"
    assert redis.calls == [([key], [3, 60_000, 1_500]), ([key], [3, 60_000, 2_000])]
    # At 3 a minute a token takes 20 s: 1 missing is 20 s to full; 0.25 left, 15 s to the next token.
    assert allowed == TakeResult(allowed=True, remaining=2, retry_after_seconds=0, reset_seconds=20)
    assert refused == TakeResult(allowed=False, remaining=0, retry_after_seconds=15, reset_seconds=55)


async def test_redis_store_keys_live_under_its_prefix():
    redis = ScriptedRedis([1, b"2"])
    await RedisStore(redis, prefix="test:").take("bob:list_invoices", POLICY, 0)
    assert redis.calls[0][0] == ["test:read:bob:list_invoices"]


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set (e.g. redis://127.0.0.1:6390)"
)
async def test_redis_store_runs_the_same_arithmetic_atomically():
    from redis.asyncio import Redis

    client = Redis.from_url(os.environ["REDIS_URL"])
    prefix = f"test:fastapi-service:{uuid.uuid4().hex}:"
    try:
        store = RedisStore(client, prefix=prefix)
        memory_state, expected = None, []
        got = []
        for now in (0, 0, 0, 0, 25_000):
            memory_state, result = take_token(memory_state, POLICY, now)
            expected.append(result)
            got.append(await store.take("alice:get_user", POLICY, now))
        assert got == expected
        assert 0 < await client.pttl(f"{prefix}read:alice:get_user") <= 60_000
    finally:
        keys = await client.keys(f"{prefix}*")
        if keys:
            await client.delete(*keys)
        await client.aclose()
