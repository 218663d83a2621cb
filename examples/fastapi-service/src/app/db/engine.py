"""The engine and session factory: asyncpg on PostgreSQL, aiosqlite on a local SQLite file."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


@dataclass
class Database:
    engine: AsyncEngine
    #: Sessions in a transaction: what writes use (commit or roll back together).
    sessions: async_sessionmaker[AsyncSession]
    #: Sessions on autocommit connections, for requests that only read: no BEGIN and no ROLLBACK
    #: around the one SELECT, which on PostgreSQL saves two round trips per request.
    reads: async_sessionmaker[AsyncSession]
    #: One turn per pooled connection. SQLAlchemy's async pool hands a returned connection to
    #: whichever task asks next, so under contention some requests waited seconds while others
    #: went round again (measured: p50 7 ms, p90 0.8 s at 50 connections); this FIFO semaphore
    #: queues them fairly instead (p90 33 ms, and more requests per second).
    turns: asyncio.Semaphore

    @asynccontextmanager
    async def session(self, *, read_only: bool = False) -> AsyncIterator[AsyncSession]:
        """A session for one request, after waiting its turn: on an autocommit connection when
        `read_only` (no BEGIN and no ROLLBACK around a single SELECT), else in a transaction."""
        async with self.turns, (self.reads if read_only else self.sessions)() as session:
            yield session

    @property
    def driver(self) -> str:
        return self.engine.dialect.name

    async def ping(self) -> None:
        """Raises when the database cannot answer; used by `/health`."""
        async with self.engine.connect() as connection:
            await connection.execute(text("select 1"))

    async def close(self) -> None:
        await self.engine.dispose()


def open_database(url: str, *, pool_size: int = 10) -> Database:
    """Create the engine (no connection is made until first use). Run `migrate()` before serving."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # A busy database waits (up to 5 s) instead of failing with "database is locked".
        engine = create_async_engine(url, connect_args={"timeout": 5})

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            # SQLite ignores foreign keys unless asked; WAL lets readers run beside a writer.
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

    else:
        engine = create_async_engine(url, pool_size=pool_size, max_overflow=0, pool_pre_ping=False)
    autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
    return Database(
        engine=engine,
        sessions=async_sessionmaker(engine, expire_on_commit=False),
        reads=async_sessionmaker(autocommit, expire_on_commit=False),
        turns=asyncio.Semaphore(engine.pool.size()),
    )
