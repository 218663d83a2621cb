"""hono-service and fastapi-service side by side on PostgreSQL: wrk, 50 connections, the
authenticated `GET /v1/users/{id}`. Prints req/s, p50, p99 and the ratio. A script, not a test.

    DATABASE_URL=postgres://handbook:handbook@127.0.0.1:5432/handbook uv run python bench/bench.py

BENCH_DURATION (seconds per round, default 10), BENCH_ROUNDS (default 3) and BENCH_CONNECTIONS
(default 50) change the run. Needs `wrk` and Node.js >= 22.18 (for hono-service) on PATH, and
`npm install` done in examples/hono-service. Each service gets a fresh database, dropped after.
"""

import asyncio
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import asyncpg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from helpers import AUDIENCE, ISSUER, LocalIdp, serve_jwks  # the tests' own IdP

ROOT = Path(__file__).resolve().parent.parent
HONO = ROOT.parent / "hono-service"
TARGET_P99_MS = 25


def setting(name: str, default: int) -> int:
    value = os.environ.get(name, str(default))
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"{name} must be a positive integer, got {value!r}")
    return int(value)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(name: str, command: list[str], cwd: Path, env: dict[str, str], port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        command, cwd=cwd, env=os.environ | env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{name} exited early:\n{process.stderr.read().decode()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    sys.exit(f"{name} did not answer /health in 90 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its descendants so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def register(port: int, token: str, user: str) -> None:
    body = f'{{"email":"{user}@example.com","name":"Bench"}}'.encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/users",
        data=body,
        method="POST",
        headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 201, response.status


def wrk(url: str, token: str, seconds: int, connections: int, *, warm_up: bool = False) -> dict[str, float]:
    """One wrk run; its req/s and latency percentiles (ms). Any non-2xx answer or socket error
    aborts the bench, except while warming up (JIT, pools and caches filling)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.headers["Authorization"] = "Bearer {token}"\n')
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
    )
    os.unlink(script.name)
    out = result.stdout
    if not warm_up and ("Non-2xx" in out or "Socket errors" in out):
        sys.exit(f"wrk saw errors against {url}:\n{out}")

    def ms(text: str) -> float:
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", out, re.M))
    if set(percentiles) != {"50", "99"}:
        sys.exit(f"could not read wrk's latency distribution:\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": ms(percentiles["50"]),
        "p99": ms(percentiles["99"]),
    }


async def create_databases(admin_url: str, names: list[str]) -> None:
    connection = await asyncpg.connect(admin_url)
    for name in names:
        await connection.execute(f'create database "{name}"')
    await connection.close()


async def drop_databases(admin_url: str, names: list[str]) -> None:
    connection = await asyncpg.connect(admin_url)
    for name in names:
        await connection.execute(f'drop database if exists "{name}" with (force)')
    await connection.close()


def main() -> None:
    admin_url = os.environ.get("DATABASE_URL", "")
    if not admin_url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL server whose role may CREATEDB (the bench runs on PostgreSQL)."
        )
    for tool in ("wrk", "node"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH")
    seconds, rounds = setting("BENCH_DURATION", 10), setting("BENCH_ROUNDS", 3)
    connections = setting("BENCH_CONNECTIONS", 50)
    workers = os.cpu_count() or 1
    suffix = uuid.uuid4().hex[:6]
    databases = {
        name: f"bench_{name.replace('-', '_')}_{suffix}" for name in ("hono", "fastapi-1", "fastapi-n")
    }
    url_of = {name: admin_url.rsplit("/", 1)[0] + "/" + db for name, db in databases.items()}
    asyncio.run(create_databases(admin_url, list(databases.values())))

    idp = LocalIdp()
    user = f"bench-{suffix}"
    token = idp.sign({"sub": user, "scope": "users:read users:write", "exp": int(time.time()) + 900})
    processes: dict[str, subprocess.Popen] = {}
    try:
        with serve_jwks(idp) as (jwks_url, _):
            common = {
                "JWKS_URL": jwks_url,
                "JWT_ISSUER": ISSUER,
                "JWT_AUDIENCE": AUDIENCE,
                "RATE_LIMIT_READ_PER_MINUTE": "1000000000",
                "REDIS_URL": "",
                "LOG_LEVEL": "info",  # the request log line is part of the cost, as in production
            }
            fastapi = [sys.executable, "-m", "fastapi", "run", "src/app/main.py", "--host", "127.0.0.1"]
            servers = {
                "hono-service (node, 1 process)": (
                    "hono",
                    [shutil.which("node"), "src/index.ts"],
                    HONO,
                    {"HOST": "127.0.0.1"},
                ),
                "fastapi-service (uvicorn, 1 worker)": ("fastapi-1", [*fastapi, "--workers", "1"], ROOT, {}),
                f"fastapi-service (uvicorn, {workers} workers)": (
                    "fastapi-n",
                    [*fastapi, "--workers", str(workers)],
                    ROOT,
                    {},
                ),
            }
            ports: dict[str, int] = {}
            for label, (key, command, cwd, extra) in servers.items():
                port = free_port()
                # Plain TCP on loopback for both: postgres-js (hono-service) does not negotiate TLS by
                # default, asyncpg does ("prefer"), which alone costs it half its throughput here.
                database_url = url_of[key] + ("" if key == "hono" else "?ssl=disable")
                env = common | extra | {"PORT": str(port), "DATABASE_URL": database_url}
                processes[label] = start(
                    label, [*command, "--port", str(port)] if cwd == ROOT else command, cwd, env, port
                )
                ports[label] = port
                register(port, token, user)
            load = os.getloadavg()
            print(
                f"wrk: {connections} connections, 2 threads, {rounds} interleaved rounds of {seconds} s per server "
                f"(after a {min(seconds, 3)} s warm-up each), medians; {os.cpu_count()} CPUs, "
                f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at start"
            )
            for port in ports.values():
                wrk(
                    f"http://127.0.0.1:{port}/v1/users/{user}",
                    token,
                    min(seconds, 3),
                    connections,
                    warm_up=True,
                )
            runs: dict[str, list[dict[str, float]]] = {label: [] for label in ports}
            for _ in range(rounds):
                for label, port in ports.items():
                    # The server's CPU per request: what its process tree burnt during the run.
                    before = cpu_seconds(processes[label].pid)
                    result = wrk(f"http://127.0.0.1:{port}/v1/users/{user}", token, seconds, connections)
                    result["cpu_us"] = (cpu_seconds(processes[label].pid) - before) / result["requests"] * 1e6
                    runs[label].append(result)
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        asyncio.run(drop_databases(admin_url, list(databases.values())))

    keys = ("rps", "p50", "p99", "cpu_us")
    median = {
        label: {k: statistics.median(run[k] for run in results) for k in keys}
        for label, results in runs.items()
    }
    print("\nGET /v1/users/{id}, authenticated, PostgreSQL")
    print(f"{'server':<40} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'server CPU':>12}")
    for label, figures in median.items():
        cpu = f"{figures['cpu_us']:.0f} us/req"
        print(f"{label:<40} {figures['rps']:>9.0f} {figures['p50']:>8.2f} {figures['p99']:>8.2f} {cpu:>12}")
    hono = median[next(iter(median))]
    for label, figures in list(median.items())[1:]:
        verdict = "met" if figures["p99"] <= TARGET_P99_MS else "NOT met"
        print(
            f"{label}: {figures['rps'] / hono['rps']:.2f}x hono-service's req/s, "
            f"p99 {figures['p99']:.1f} ms (target <= {TARGET_P99_MS} ms): {verdict}"
        )


if __name__ == "__main__":
    main()
