"""The real process, started the way the README starts it: `fastapi run src/app/main.py`."""

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import AUDIENCE, ISSUER, LocalIdp, serve_jwks

ROOT = Path(__file__).resolve().parent.parent
CLIENTS = 32


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(env: dict[str, str], port: int) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "fastapi",
        "run",
        "src/app/main.py",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    # The test's own DATABASE_URL (for the pytest suite) must not leak into the process.
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    return subprocess.Popen(
        command, cwd=ROOT, env=base | env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def wait_ready(process: subprocess.Popen, port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the service exited early: {process.stderr.read()}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    raise AssertionError("the service did not answer /health in time")


@pytest.fixture(scope="module")
def jwks() -> Iterator[tuple[LocalIdp, str]]:
    idp = LocalIdp()
    with serve_jwks(idp) as (url, _):
        yield idp, url


def test_an_invalid_environment_exits_1_naming_the_variables_without_a_traceback():
    process = start({"RATE_LIMIT_READ_PER_MINUTE": "lots", "JWKS_URL": "ftp://nope"}, free_port())
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert "RATE_LIMIT_READ_PER_MINUTE" in stderr and "JWKS_URL" in stderr
    assert "Traceback" not in stderr


def test_migrates_before_serving_then_exits_0_on_sigterm(tmp_path):
    port, database = free_port(), tmp_path / "service.sqlite3"
    process = start({"SQLITE_PATH": str(database)}, port)
    try:
        wait_ready(process, port)
        with sqlite3.connect(database) as connection:
            assert connection.execute("select version_num from alembic_version").fetchone() == ("0001",)
            tables = {
                row[0] for row in connection.execute("select name from sqlite_master where type='table'")
            }
        assert tables == {"users", "invoices", "alembic_version"}
        process.send_signal(signal.SIGTERM)
        stdout, _ = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    assert [line["msg"] for line in lines if line["msg"] != "request"][-2:] == [
        "shutting down: draining in-flight requests",
        "shutdown complete",
    ]


def hammer(port: int, token: str, outcomes: list) -> None:
    """One keep-alive client: GET /v1/invoices until a new connection is refused (bounded: 20 s)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    started = time.monotonic()
    while time.monotonic() - started < 20:
        try:
            connection.request("GET", "/v1/invoices", headers={"authorization": f"Bearer {token}"})
            response = connection.getresponse()
            response.read()
            outcomes.append((response.status, response.getheader("connection")))
        except OSError as error:  # ConnectionRefusedError, ConnectionResetError, RemoteDisconnected…
            outcomes.append((type(error).__name__, None))
            break
    connection.close()


def test_drain_under_load_answers_every_request_sent_and_resets_none(jwks, tmp_path):
    """32 keep-alive clients hammer the real process when SIGTERM arrives. Every request written to
    an open connection gets its whole response; once the listener is closed a new connection is
    refused, which loses nothing: that request was never sent."""
    idp, jwks_url = jwks
    port = free_port()
    env = {
        "SQLITE_PATH": str(tmp_path / "drain.sqlite3"),
        "JWKS_URL": jwks_url,
        "JWT_ISSUER": ISSUER,
        "JWT_AUDIENCE": AUDIENCE,
        "RATE_LIMIT_READ_PER_MINUTE": "100000000",
        "LOG_LEVEL": "warn",
    }
    process = start(env, port)
    try:
        wait_ready(process, port)
        token = idp.token("drain", "invoices:read")
        per_client: list[list] = [[] for _ in range(CLIENTS)]
        threads = [threading.Thread(target=hammer, args=(port, token, out)) for out in per_client]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        for thread in threads:
            thread.join(timeout=30)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()

    results = [outcome for outcomes in per_client for outcome in outcomes]
    errors = [status for status, _ in results if isinstance(status, str)]
    assert [e for e in errors if e != "ConnectionRefusedError"] == [], "requests lost to a reset or a hang-up"
    assert len(errors) == CLIENTS, "each client ends on exactly one refused new connection"
    answered = [outcome for outcome in results if isinstance(outcome[0], int)]
    assert answered and all(status == 200 for status, _ in answered)
    for outcomes in per_client:
        # `Connection: close` is only sent while draining: this request was in flight at SIGTERM,
        # was answered in full, and told its client to stop reusing the connection.
        last = [outcome for outcome in outcomes if isinstance(outcome[0], int)][-1]
        assert last[1] == "close"
    assert process.returncode == 0, stderr
