"""`drain()` against a stand-in for uvicorn's Server: the timings the real-process test cannot force;
and the lifespan's shutdown, which closes the database pool it opened."""

import io
import logging
from dataclasses import dataclass, field

import anyio
import pytest
from httpx import ASGITransport, AsyncClient
from sqlalchemy import event

from app.lifecycle import Lifecycle, drain
from app.main import Overrides, create_app
from app.settings import load_settings

pytestmark = pytest.mark.anyio


@dataclass
class Cycle:
    response_complete: bool


@dataclass
class Connection:
    state: "ServerState"
    cycle: Cycle | None = None
    closed: bool = False

    def shutdown(self) -> None:
        self.closed = True
        self.state.connections.discard(self)

    def __hash__(self) -> int:
        return id(self)


@dataclass
class ServerState:
    connections: set = field(default_factory=set)


@dataclass
class Listener:
    closed: bool = False

    def close(self) -> None:
        self.closed = True


@dataclass
class Server:
    servers: list = field(default_factory=lambda: [Listener()])
    server_state: ServerState = field(default_factory=ServerState)
    should_exit: bool = False
    force_exit: bool = False

    def connect(self, cycle: Cycle | None) -> Connection:
        connection = Connection(self.server_state, cycle)
        self.server_state.connections.add(connection)
        return connection


async def test_closes_the_listener_keeps_busy_connections_and_closes_idle_ones_after_the_grace():
    server = Server()
    idle = server.connect(None)
    busy = server.connect(Cycle(response_complete=False))
    async with anyio.create_task_group() as group:
        group.start_soon(
            lambda: drain(server, timeout_seconds=5, idle_grace_seconds=0.2, logger=logging.getLogger())
        )
        await anyio.sleep(0.1)
        assert server.servers[0].closed and not idle.closed  # inside the grace: a request may be on the wire
        await anyio.sleep(0.25)
        assert idle.closed and not busy.closed
        busy.cycle.response_complete = True  # its response went out with Connection: close
        server.server_state.connections.discard(busy)
    assert (server.should_exit, server.force_exit) == (True, False)


async def test_cuts_off_what_still_runs_at_the_timeout(caplog):
    server = Server()
    server.connect(Cycle(response_complete=False))
    with anyio.fail_after(2):
        await drain(
            server, timeout_seconds=0.2, idle_grace_seconds=0.05, logger=logging.getLogger("test-drain")
        )
    assert (server.should_exit, server.force_exit) == (True, True)
    assert "shutdown timeout" in caplog.text


async def test_shutdown_closes_the_database_pool_the_service_opened(tmp_path):
    # No database override: the lifespan opens (and migrates) its own SQLite file, as the server does.
    settings = load_settings({"SQLITE_PATH": str(tmp_path / "service.sqlite3")})
    app = create_app(settings, Overrides(lifecycle=Lifecycle(), log_stream=io.StringIO()))
    closed = []
    async with app.router.lifespan_context(app):
        engine = app.state.database.engine
        pool = engine.pool
        event.listen(engine.sync_engine, "close", lambda connection, record: closed.append(connection))
        async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
            assert (await client.get("/health")).status_code == 200  # pings on a pooled connection
        assert pool.checkedin() >= 1 and closed == []
    assert pool.checkedin() == 0 and len(closed) >= 1
