import asyncio
import logging
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Depends, Request

from app.deps import rate_limit_by_address
from app.errors import AppError
from app.models.errors import documented, error_response
from app.models.health import Health, HealthChecks

router = APIRouter(tags=["Operations"])
logger = logging.getLogger("app")

#: A ping slower than this counts as down: a health check must answer fast.
PING_TIMEOUT_SECONDS = 2


def redis_ping(client) -> Callable[[], Awaitable[None]]:
    """A Redis PING as `app.state.redis_ping` expects: raises unless Redis answers PONG."""

    async def ping() -> None:
        if await client.ping() is not True:
            raise ConnectionError("redis did not answer PONG")

    return ping


async def _redis_check(ping: Callable[[], Awaitable[None]]) -> str:
    try:
        await asyncio.wait_for(ping(), PING_TIMEOUT_SECONDS)
    except Exception as error:  # any failure to answer is "down" (and logged)
        logger.warning(
            "health: dependency down, answering degraded", extra={"dependency": "redis"}, exc_info=error
        )
        return "down"
    return "ok"


@router.get(
    "/health",
    summary="Liveness and readiness, with a database ping and dependency checks",
    description=(
        "For load balancers and orchestrators: no authentication. Pings the database and, when the service "
        "uses it (`REDIS_URL`), Redis (2 s each). 503 when the database is down, and as soon as shutdown "
        "starts, so traffic moves away while in-flight requests finish. Redis down is 200 with "
        "`status: degraded` and `checks.redis: down`: requests are still answered. Limited per client "
        "address (bucket `health`)."
    ),
    dependencies=[Depends(rate_limit_by_address("health"))],
    # `checks.redis` is absent, not null, when the service uses no Redis.
    response_model_exclude_none=True,
    responses=documented(
        200,
        {
            429: error_response("Too many calls from this address (`rate_limited`); see `Retry-After`."),
            500: error_response("Unexpected error (`internal_error`)."),
            503: error_response("Shutting down, or the database is down (`service_unavailable`)."),
        },
    ),
)
async def get_health(request: Request) -> Health:
    """200 with a DB ping (and a Redis ping when the service uses Redis) when the service can take
    traffic, `degraded` when only Redis is down; 503 when draining or the database is down."""
    if request.app.state.lifecycle.draining:
        raise AppError("service_unavailable", "The service is shutting down")
    ping_redis = request.app.state.redis_ping
    # Both pings at once: the answer takes at most one timeout, not the sum.
    redis = asyncio.ensure_future(_redis_check(ping_redis)) if ping_redis is not None else None
    try:
        await asyncio.wait_for(request.app.state.ping(), PING_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - any failure to answer is "down"
        if redis is not None:
            redis.cancel()
        raise AppError("service_unavailable", "The database is not reachable") from None
    if redis is None:
        return Health(status="ok", checks=HealthChecks(database="ok"))
    checks = HealthChecks(database="ok", redis=await redis)
    return Health(status="ok" if checks.redis == "ok" else "degraded", checks=checks)
