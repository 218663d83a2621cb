"""FastAPI dependencies: database session, current principal, scope checks, rate limits."""

import re
from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import InvalidTokenError, Principal
from app.errors import AppError, ForbiddenError, UnauthorizedError
from app.rate_limit import BucketPolicy

# Declares the scheme in OpenAPI; the header itself is checked below (auto_error would answer
# 403 in FastAPI's own shape).
bearer_scheme = HTTPBearer(
    scheme_name="bearerAuth",
    bearerFormat="JWT",
    description=(
        "ES256 JWT from the identity provider, at most 15 minutes long, verified as RFC8725 "
        "(JSON Web Token Best Current Practices) asks: algorithm allow-list, `iss`, `aud`, `exp`, `nbf`. "
        "Scopes in the `scope` claim."
    ),
    auto_error=False,
)
BEARER = re.compile(r"^Bearer ([A-Za-z0-9_.~+/=-]+)$", re.IGNORECASE)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request, closed when the response is sent."""
    async with request.app.state.database.sessions() as session:
        yield session


async def get_read_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session for a request that only reads (see `Database.reads`)."""
    async with request.app.state.database.reads() as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]
ReadSession = Annotated[AsyncSession, Depends(get_read_session)]


# #region current-principal
async def current_principal(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
) -> Principal:
    """The verified caller. Never trusts the client: the token is checked on every request (a
    verified token is cached only until its own expiry, by the verifier)."""
    match = BEARER.match(request.headers.get("authorization", ""))
    if match is None:
        raise UnauthorizedError("A bearer token is required (Authorization: Bearer <token>)")
    try:
        principal = await request.app.state.verify_token(match.group(1))
    except InvalidTokenError as error:
        raise UnauthorizedError(str(error)) from None
    request.state.principal = principal  # for the request log line
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_scope(scope: str) -> Callable:
    """Require one scope on this endpoint; permissions are re-checked per endpoint, never assumed.

    Example: ``@router.get("/", dependencies=[Depends(require_scope("invoices:read"))])``
    """
    if not re.fullmatch(r"[a-z]+:[a-z]+", scope):
        raise ValueError(f'require_scope: "{scope}" is not a "resource:action" scope')

    async def check_scope(principal: CurrentPrincipal) -> None:
        if scope not in principal.scopes:
            raise ForbiddenError(scope)

    return check_scope


# #endregion current-principal


# #region rate-limit
def rate_limit(tier: str) -> Callable:
    """Token bucket per (authenticated user + endpoint), `tier` being "read" or "write".

    The key is the endpoint (its function name, e.g. `get_invoice`), never the concrete URL, so
    `/v1/invoices/a` and `/v1/invoices/b` share one bucket. Answers 429
    with `Retry-After` once the bucket is empty and always sends the IETF draft `RateLimit` and
    `RateLimit-Policy` headers. A failing store (Redis down) lets the request through: a limiter
    outage must not turn every request into a 500.
    """

    async def limit(request: Request, principal: CurrentPrincipal) -> None:
        limits = request.app.state.rate_limits
        policy: BucketPolicy = limits.policies[tier]
        key = f"{principal.user_id}:{request.scope['route'].name}"
        try:
            result = await limits.store.take(key, policy, limits.now() * 1000)
        except Exception as error:  # noqa: BLE001 - any store failure fails open, logged
            limits.on_store_error(error)
            return
        seconds = result.reset_seconds if result.allowed else result.retry_after_seconds
        headers = {
            "RateLimit-Policy": f'"{policy.name}";q={policy.capacity};w={policy.window_seconds}',
            "RateLimit": f'"{policy.name}";r={result.remaining};t={seconds}',
        }
        if not result.allowed:
            headers["Retry-After"] = str(result.retry_after_seconds)
            message = f"Too many requests; retry in {result.retry_after_seconds} s"
            raise AppError("rate_limited", message, headers=headers)
        request.state.response_headers.extend(headers.items())

    return limit


# #endregion rate-limit
