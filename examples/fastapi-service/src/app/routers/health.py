import asyncio

from fastapi import APIRouter, Depends, Request

from app.deps import rate_limit_by_address
from app.errors import AppError
from app.models.errors import documented, error_response
from app.models.health import Health

router = APIRouter(tags=["Operations"])

#: A ping slower than this counts as down: a health check must answer fast.
PING_TIMEOUT_SECONDS = 2


@router.get(
    "/health",
    summary="Liveness and readiness, with a database ping",
    description=(
        "For load balancers and orchestrators: no authentication. 503 as soon as shutdown starts, so "
        "traffic moves away while in-flight requests finish. Limited per client address (bucket `health`)."
    ),
    dependencies=[Depends(rate_limit_by_address("health"))],
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
    """200 with a DB ping when the service can take traffic, 503 otherwise."""
    if request.app.state.lifecycle.draining:
        raise AppError("service_unavailable", "The service is shutting down")
    try:
        await asyncio.wait_for(request.app.state.ping(), PING_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - any failure to answer is "down"
        raise AppError("service_unavailable", "The database is not reachable") from None
    return Health(status="ok", checks={"database": "ok"})
