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
    async with request.app.state.database.session() as session:
        yield session


async def get_read_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session for a request that only reads (see `Database.reads`)."""
    async with request.app.state.database.session(read_only=True) as session:
        yield session


Session = Annotated[AsyncSession, Depends(get_session)]
ReadSession = Annotated[AsyncSession, Depends(get_read_session)]


def client_address(request: Request) -> str:
    """The peer address (uvicorn applies X-Forwarded-For from trusted proxies, loopback by default)."""
    return request.client.host if request.client else "unknown"


# #region take-token
async def take_token(request: Request, policy_name: str, key: str) -> dict[str, str]:
    """Take one token from `key`'s bucket of `policy_name`: the RateLimit headers to send, or a
    429 with `Retry-After` once it is empty. A failing store (Redis down) lets the request
    through with no headers: a limiter outage must not turn every request into a 500."""
    limits = request.app.state.rate_limits
    policy: BucketPolicy = limits.policies[policy_name]
    try:
        result = await limits.store.take(key, policy, limits.now() * 1000)
    except Exception as error:  # noqa: BLE001 - any store failure fails open, logged
        limits.on_store_error(error)
        return {}
    seconds = result.reset_seconds if result.allowed else result.retry_after_seconds
    headers = {
        "RateLimit-Policy": f'"{policy.name}";q={policy.capacity};w={policy.window_seconds}',
        "RateLimit": f'"{policy.name}";r={result.remaining};t={seconds}',
    }
    if not result.allowed:
        headers["Retry-After"] = str(result.retry_after_seconds)
        message = f"Too many requests; retry in {result.retry_after_seconds} s"
        raise AppError("rate_limited", message, headers=headers)
    return headers


# #endregion take-token


# #region current-principal
async def current_principal(
    request: Request,
    _credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)],
) -> Principal:
    """The verified caller. Never trusts the client: the token is checked on every request (a
    verified token is cached only until its own expiry, by the verifier). Each 401 spends a token
    of the caller's address in the `auth-failures` bucket; once it is empty the answer is 429."""
    try:
        match = BEARER.match(request.headers.get("authorization", ""))
        if match is None:
            raise UnauthorizedError("A bearer token is required (Authorization: Bearer <token>)")
        try:
            principal = await request.app.state.verify_token(match.group(1))
        except InvalidTokenError as error:
            raise UnauthorizedError(str(error)) from None
    except UnauthorizedError as error:
        error.headers |= await take_token(request, "auth-failures", f"ip-{client_address(request)}")
        raise
    request.state.principal = principal  # for the request log line
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_scope(scope: str) -> Callable:
    """Require one scope on this endpoint; permissions are re-checked per endpoint, never assumed.

    Example: ``@router.get("/", dependencies=[Depends(rate_limit("read")), Depends(require_scope("invoices:read"))])``
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
    `/v1/invoices/a` and `/v1/invoices/b` share one bucket. List it before `require_scope`: every
    answer of the route after authentication (403 and 404 included) then carries the IETF draft
    `RateLimit` and `RateLimit-Policy` headers; an empty bucket answers 429 with `Retry-After`.
    """

    async def limit(request: Request, principal: CurrentPrincipal) -> None:
        key = f"{principal.user_id}:{request.scope['route'].name}"
        request.state.response_headers.extend((await take_token(request, tier, key)).items())

    return limit


def rate_limit_by_address(tier: str) -> Callable:
    """The same, per client address, for a route without authentication (`/health`)."""

    async def limit(request: Request) -> None:
        key = f"ip-{client_address(request)}:{request.scope['route'].name}"
        request.state.response_headers.extend((await take_token(request, tier, key)).items())

    return limit


# #endregion rate-limit
