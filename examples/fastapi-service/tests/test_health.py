"""`/health` against slow and odd dependencies: the 2 s ping timeout and Redis's PONG."""

import time

import anyio
import pytest

from app.routers.health import redis_ping

pytestmark = pytest.mark.anyio


def sleeping(seconds: float):
    async def ping() -> None:
        await anyio.sleep(seconds)

    return ping


class Redis:
    """redis-py's client as `redis_ping` uses it: `ping()` answers True for PONG."""

    def __init__(self, answer) -> None:
        self.answer = answer

    async def ping(self):
        return self.answer


async def test_pings_slower_than_2_s_count_as_down_and_faster_ones_as_up(make_app):
    async with make_app(ping=sleeping(1.5), redis_ping=sleeping(2.5)) as t:
        started = time.perf_counter()
        response = await t.client.get("/health")
        elapsed = time.perf_counter() - started
    # Both pings at once, each cut off at 2 s: the answer takes about 2 s, not 1.5 + 2 one after the other.
    assert (response.status_code, response.json()) == (
        200,
        {"status": "degraded", "checks": {"database": "ok", "redis": "down"}},
    )
    assert 2 <= elapsed < 3.5


async def test_a_database_ping_slower_than_2_s_is_503_and_a_redis_ping_faster_than_2_s_is_ok(make_app):
    async with make_app(ping=sleeping(2.5), redis_ping=sleeping(0)) as t:
        down = await t.client.get("/health")
    assert down.status_code == 503
    assert down.json()["error"] == {"code": "service_unavailable", "message": "The database is not reachable"}
    async with make_app(redis_ping=sleeping(1.5)) as t:
        up = await t.client.get("/health")
    assert up.json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}


async def test_redis_is_up_only_when_it_answers_pong(make_app):
    async with make_app(redis_ping=redis_ping(Redis(True))) as t:
        assert (await t.client.get("/health")).json()["checks"]["redis"] == "ok"
    async with make_app(redis_ping=redis_ping(Redis(False))) as t:
        response = await t.client.get("/health")
        (warning,) = [line for line in t.log_lines() if line["msg"].startswith("health: dependency down")]
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "redis": "down"}}
    assert warning["err"] == {
        **warning["err"],
        "type": "ConnectionError",
        "message": "redis did not answer PONG",
    }


async def test_a_draining_service_answers_503_saying_it_is_shutting_down(make_app):
    async with make_app() as t:
        t.app.state.lifecycle.start_draining()
        response = await t.client.get("/health")
    assert response.status_code == 503
    assert response.json()["error"] == {
        "code": "service_unavailable",
        "message": "The service is shutting down",
    }
