"""The app factory, shared by the server and the tests, and the `app` that `fastapi run` serves."""

import logging
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import IO, Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute
from pydantic.alias_generators import to_camel

from app.auth import Principal, RemoteJwks, TokenVerifier
from app.db.engine import Database, open_database
from app.db.migrate import migrate
from app.error_handlers import install_error_handlers
from app.errors import ERROR_CODES
from app.lifecycle import Lifecycle, install_drain_handler
from app.log import configure_logging
from app.middleware import RequestContextMiddleware
from app.rate_limit import BucketPolicy, MemoryStore, RateLimitStore, RedisStore
from app.routers import health, invoices, users
from app.routers.health import redis_ping
from app.settings import Settings, SettingsError, async_database_url, load_settings

#: `/health` calls per minute per client address.
HEALTH_PER_MINUTE = 600


@dataclass
class RateLimits:
    """What `deps.rate_limit` reads from `app.state.rate_limits`."""

    policies: dict[str, BucketPolicy]
    store: RateLimitStore
    now: Callable[[], float] = time.time
    on_store_error: Callable[[Exception], None] = field(default=lambda error: None)


@dataclass
class Overrides:
    """What tests replace; the server passes nothing and gets the real thing from `Settings`."""

    database: Database | None = None
    verify_token: Callable[[str], Awaitable[Principal]] | None = None
    ping: Callable[[], Awaitable[None]] | None = None
    #: Redis ping for `/health`, as if REDIS_URL were set (see `routers.health.redis_ping`).
    redis_ping: Callable[[], Awaitable[None]] | None = None
    lifecycle: Lifecycle | None = None
    rate_limit_store: RateLimitStore | None = None
    now: Callable[[], float] | None = None
    log_stream: IO[str] | None = None


def operation_id(route: APIRoute) -> str:
    """`list_invoices` → `listInvoices`: stable operationIds, the same as hono-service's."""
    return to_camel(route.name)


DESCRIPTION = "\n".join(
    [
        "Reference service of the EGCA Engineering Handbook (Backend API playbook), in Python.",
        "",
        'Every error answers `{ "error": { "code", "message", "details"? } }`. Codes:',
        "",
        *(f"- `{code}` ({status}): {meaning}" for code, (status, meaning) in ERROR_CODES.items()),
    ]
)
TAGS = [
    {"name": "Users", "description": "Users are identified by the `sub` of their tokens."},
    {"name": "Invoices", "description": "Each invoice belongs to one user; only its owner can see it."},
    {"name": "Operations", "description": "Health and readiness."},
]


# #region create-app
def create_app(settings: Settings | None = None, overrides: Overrides | None = None) -> FastAPI:
    """Build the whole service. `fastapi run` serves `app` below; tests call this with overrides.

    Nothing connects here: the database (migrated first), Redis and the JWKS client are opened
    in the lifespan, before uvicorn takes the first request, and closed after the last.
    """
    settings = settings or load_settings()
    overrides = overrides or Overrides()
    logger = configure_logging(settings.LOG_LEVEL, overrides.log_stream)

    # #region lifespan
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = overrides.database or open_database(async_database_url(settings))
        if overrides.database is None:
            # Migrations run before the first request: a replica never serves an old schema.
            await migrate(database.engine)
        redis = None
        if settings.REDIS_URL is not None:
            from redis.asyncio import Redis  # loaded only when configured

            redis = Redis.from_url(str(settings.REDIS_URL), socket_timeout=1, socket_connect_timeout=1)
        store = overrides.rate_limit_store or (RedisStore(redis) if redis is not None else None)
        app.state.database = database
        app.state.ping = overrides.ping or database.ping
        # `/health` pings Redis only when the service uses it; down answers 200 `degraded`, not 503.
        app.state.redis_ping = overrides.redis_ping or (redis_ping(redis) if redis is not None else None)
        app.state.lifecycle = overrides.lifecycle or Lifecycle()
        app.state.verify_token = overrides.verify_token or TokenVerifier(
            RemoteJwks(str(settings.JWKS_URL)),
            issuer=str(settings.JWT_ISSUER),
            audience=settings.JWT_AUDIENCE,
        )
        # #region rate-limit-policies
        app.state.rate_limits = RateLimits(
            policies={
                "read": BucketPolicy("read", settings.RATE_LIMIT_READ_PER_MINUTE),
                "write": BucketPolicy("write", settings.RATE_LIMIT_WRITE_PER_MINUTE),
                # Per client address: failed authentications (guessing), and /health (each call
                # pings the database). The health bucket is hono-service's fixed 600 a minute.
                "auth-failures": BucketPolicy("auth-failures", settings.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE),
                "health": BucketPolicy("health", HEALTH_PER_MINUTE),
            },
            store=store or MemoryStore(),
            now=overrides.now or time.time,
            on_store_error=lambda error: logger.warning(
                "rate limit store failed: request let through", exc_info=error
            ),
        )
        # #endregion rate-limit-policies
        # Again here: uvicorn configured logging after the app was imported, re-enabling it.
        logging.getLogger("uvicorn.access").disabled = True
        if overrides.lifecycle is None:
            install_drain_handler(
                app.state.lifecycle, timeout_seconds=settings.SHUTDOWN_TIMEOUT_MS / 1000, logger=logger
            )
        logger.info("ready", extra={"database": database.driver, "redis": redis is not None})
        try:
            yield
        finally:
            if redis is not None:
                await redis.aclose()
            if overrides.database is None:
                await database.close()
            logger.info("shutdown complete")

    # #endregion lifespan

    app = FastAPI(
        title="fastapi-service",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        generate_unique_id_function=operation_id,
        lifespan=lifespan,
        # Swagger UI and ReDoc load from a CDN, which the handbook never depends on.
        docs_url=None,
        redoc_url=None,
        # `/v1/users/` is not `/v1/users`: a 404, not a redirect (as in hono-service).
        redirect_slashes=False,
    )
    install_error_handlers(app)
    if settings.CORS_ORIGINS:
        # CORS only for the origins configured: browsers on any other origin cannot read answers.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.CORS_ORIGINS,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "traceparent"],
            expose_headers=["RateLimit", "RateLimit-Policy", "Retry-After", "X-Trace-Id"],
            max_age=600,
        )
    # Added last, so outermost: preflight answers and CORS headers get the security headers too.
    app.add_middleware(RequestContextMiddleware, logger=logger)
    app.include_router(health.router)
    app.include_router(users.router)
    app.include_router(invoices.router)
    app.openapi = lambda: openapi_document(app)
    return app


# #endregion create-app


# #region openapi-document
def openapi_document(app: FastAPI) -> dict[str, Any]:
    """FastAPI's own document, less the 422 answers it adds to every route with parameters:
    this service answers validation errors with 400 in the error shape, which every route lists."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        document = get_openapi(
            title=app.title,
            version=app.version,
            openapi_version=app.openapi_version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
            separate_input_output_schemas=app.separate_input_output_schemas,
        )
        for operations in document["paths"].values():
            for operation in operations.values():
                operation["responses"].pop("422", None)
        schemas = document["components"]["schemas"]
        for name in ("HTTPValidationError", "ValidationError"):
            schemas.pop(name, None)
        app.openapi_schema = document
    return app.openapi_schema


# #endregion openapi-document


def _app_from_environment() -> FastAPI:
    try:
        return create_app(load_settings())
    except SettingsError as error:
        # A configuration mistake is not a crash: the message, no traceback, exit 1.
        print(error, file=sys.stderr)
        raise SystemExit(1) from None


app = _app_from_environment()
