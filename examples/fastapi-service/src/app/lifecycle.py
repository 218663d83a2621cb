"""Draining on SIGTERM without losing a request: what uvicorn's own shutdown lacks."""

import asyncio
import logging
import signal
from types import FrameType
from typing import Any


class Lifecycle:
    """Whether the process still takes traffic. `/health` answers 503 and every response carries
    `Connection: close` from the moment draining starts."""

    def __init__(self) -> None:
        self.draining = False

    def start_draining(self) -> None:
        self.draining = True


def _is_uvicorn_server(server: Any) -> bool:
    return all(hasattr(server, name) for name in ("servers", "server_state", "should_exit", "force_exit"))


# #region graceful-shutdown
async def drain(
    server: Any, *, timeout_seconds: float, idle_grace_seconds: float, logger: logging.Logger
) -> None:
    """Close the listener at once (a new connection is refused: nothing was sent, nothing lost),
    answer what arrives on open connections with `Connection: close`, close a connection only
    after it has been idle for `idle_grace_seconds`, then let uvicorn finish: lifespan shutdown
    (the database pool is closed) and exit 0. Requests still running at the timeout are cut off.

    Why not uvicorn's own: it closes every keep-alive connection idle at the instant of SIGTERM,
    so a request already on the wire to such a socket is reset instead of answered.
    """
    for listener in server.servers:
        listener.close()  # again, harmless: drain() can be awaited on its own
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_seconds
    idle_since: dict[Any, float] = {}
    while server.server_state.connections and loop.time() < deadline:
        now = loop.time()
        for connection in list(server.server_state.connections):
            cycle = getattr(connection, "cycle", None)
            if cycle is not None and not cycle.response_complete:
                idle_since.pop(connection, None)
            elif now - idle_since.setdefault(connection, now) >= idle_grace_seconds:
                connection.shutdown()  # idle: uvicorn closes the socket
        await asyncio.sleep(0.05)
    if server.server_state.connections:
        logger.warning("shutdown timeout: closing the remaining connections")
        server.force_exit = True
    server.should_exit = True


def install_drain_handler(
    lifecycle: Lifecycle,
    *,
    timeout_seconds: float,
    logger: logging.Logger,
    idle_grace_seconds: float = 1.0,
) -> None:
    """Take over SIGTERM from the uvicorn server that runs the app (`fastapi run`). Under any
    other server the previous handler still runs, after `/health` has turned 503."""
    previous = signal.getsignal(signal.SIGTERM)
    server = getattr(previous, "__self__", None)
    loop = asyncio.get_running_loop()
    running: set[asyncio.Task] = set()  # the loop holds tasks weakly: keep a reference

    def start() -> None:
        if lifecycle.draining:
            return
        # The listener closes before the first `Connection: close` goes out: a client told to
        # reconnect must find the port refusing, not a backlog that is reset when it closes.
        for listener in server.servers:
            listener.close()
        lifecycle.start_draining()
        logger.info("shutting down: draining in-flight requests", extra={"signal": "SIGTERM"})
        task = loop.create_task(
            drain(
                server, timeout_seconds=timeout_seconds, idle_grace_seconds=idle_grace_seconds, logger=logger
            )
        )
        running.add(task)
        task.add_done_callback(running.discard)

    def on_sigterm(signum: int, frame: FrameType | None) -> None:
        if _is_uvicorn_server(server):
            # Signal handlers interrupt the loop anywhere: do the work in a loop callback.
            loop.call_soon_threadsafe(start)
        elif not lifecycle.draining:
            lifecycle.start_draining()
            logger.info("shutting down: draining in-flight requests", extra={"signal": "SIGTERM"})
            if callable(previous):
                previous(signum, frame)

    signal.signal(signal.SIGTERM, on_sigterm)


# #endregion graceful-shutdown
