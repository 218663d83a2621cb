"""Test doubles that are not doubles: a real ES256 key pair and JWKS, a real database (SQLite
always, PostgreSQL when DATABASE_URL is set: a fresh database per run, dropped afterwards)."""

import io
import json
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import asyncpg
import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from app.auth import TokenVerifier
from app.db.engine import Database, open_database
from app.db.migrate import migrate
from app.lifecycle import Lifecycle
from app.main import Overrides, create_app
from app.settings import async_database_url, load_settings

from helpers import AUDIENCE, ISSUER, LocalIdp


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def idp() -> LocalIdp:
    return LocalIdp()


DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL") else [])


@pytest.fixture(scope="module", params=DATABASES)
async def database(request, tmp_path_factory) -> AsyncIterator[Database]:
    """A migrated, empty database per test module: a SQLite file, or a PostgreSQL database
    (`fastapi_service_test_<pid>_<random>`; the role needs CREATEDB, not superuser)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "test.sqlite3"
        db = open_database(f"sqlite+aiosqlite:///{path}")
        await migrate(db.engine)
        yield db
        await db.close()
        return
    admin_url = os.environ["DATABASE_URL"].replace("postgresql+asyncpg://", "postgres://")
    name = f"fastapi_service_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = await asyncpg.connect(admin_url)
    await admin.execute(f'create database "{name}"')
    url = load_settings({"DATABASE_URL": admin_url.rsplit("/", 1)[0] + "/" + name})
    db = open_database(async_database_url(url), pool_size=5)
    try:
        await migrate(db.engine)
        yield db
    finally:
        await db.close()
        await admin.execute(f'drop database if exists "{name}" with (force)')
        await admin.close()


@dataclass
class AppUnderTest:
    client: AsyncClient
    logs: io.StringIO
    app: FastAPI

    def log_lines(self) -> list[dict]:
        return [json.loads(line) for line in self.logs.getvalue().splitlines() if line.strip()]

    def client_from(self, address: tuple[str, int] | None) -> AsyncClient:
        """Another client of the same app, as seen from `address` (None: the server knows no peer)."""
        return AsyncClient(transport=ASGITransport(app=self.app, client=address), base_url="http://test")


@pytest.fixture
def make_app(database: Database, idp: LocalIdp):
    """Build the production app around the test database and IdP; `with_app(**overrides)`."""

    @asynccontextmanager
    async def with_app(settings_env: dict | None = None, **overrides) -> AsyncIterator[AppUnderTest]:
        settings = load_settings(
            {
                "RATE_LIMIT_READ_PER_MINUTE": "10000",
                "RATE_LIMIT_WRITE_PER_MINUTE": "10000",
                **(settings_env or {}),
            }
        )
        logs = io.StringIO()
        # A lifecycle of its own also keeps the app from taking over the test process's SIGTERM.
        defaults = {
            "database": database,
            "verify_token": TokenVerifier(idp.resolve, issuer=ISSUER, audience=AUDIENCE),
            "log_stream": logs,
            "lifecycle": Lifecycle(),
        }
        app = create_app(settings, Overrides(**(defaults | overrides)))
        async with app.router.lifespan_context(app):
            transport = ASGITransport(app=app)
            async with AsyncClient(transport=transport, base_url="http://test") as client:
                yield AppUnderTest(client, logs, app)

    return with_app
