"""The route dependencies of `app.deps` as a route declares them: `rate_limit`, `rate_limit_by_address`
and `require_scope` each build one dependency per route. The service's routes build theirs when their
module is imported; here each test declares routes of its own on the app under test, so the dependency
a test checks is one built in that test."""

from collections.abc import Callable

import pytest
from fastapi import Depends, FastAPI
from sqlalchemy import event

from app.deps import rate_limit, rate_limit_by_address, require_scope
from app.rate_limit import MemoryStore

from helpers import bearer, expect_error

pytestmark = pytest.mark.anyio

#: Two reads and two failed authentications a minute: one token back every 30 s.
ENV = {"RATE_LIMIT_READ_PER_MINUTE": "2", "RATE_LIMIT_AUTH_FAILURES_PER_MINUTE": "2"}
NOW = 1_000_000.0


def declare(app: FastAPI, path: str, name: str, *dependencies: Callable) -> None:
    async def probe() -> dict[str, str]:
        return {"route": name}

    app.add_api_route(path, probe, name=name, dependencies=[Depends(d) for d in dependencies])


def limited_app(make_app):
    return make_app(ENV, rate_limit_store=MemoryStore(), now=lambda: NOW)


async def test_a_rate_limited_route_keeps_one_bucket_per_user_and_route(make_app, idp):
    alice, bob = bearer(idp.token("alice", "users:read")), bearer(idp.token("bob", "users:read"))
    async with limited_app(make_app) as t:
        declare(t.app, "/probe/a/{n}", "probe_a", rate_limit("read"), require_scope("users:read"))
        declare(t.app, "/probe/b", "probe_b", rate_limit("read"), require_scope("users:read"))
        first = await t.client.get("/probe/a/1", headers=alice)
        assert (first.status_code, first.json()) == (200, {"route": "probe_a"})
        assert first.headers["ratelimit-policy"] == '"read";q=2;w=60'
        assert first.headers["ratelimit"] == '"read";r=1;t=30'
        # Another URL of the same route: the same bucket.
        assert (await t.client.get("/probe/a/2", headers=alice)).headers["ratelimit"] == '"read";r=0;t=60'
        limited = await t.client.get("/probe/a/3", headers=alice)
        error = expect_error(limited, 429, "rate_limited")
        assert error["message"] == "Too many requests; retry in 30 s"
        assert (limited.headers["retry-after"], limited.headers["ratelimit"]) == ("30", '"read";r=0;t=30')
        # Another user, another route: buckets of their own.
        assert (await t.client.get("/probe/a/1", headers=bob)).headers["ratelimit"] == '"read";r=1;t=30'
        assert (await t.client.get("/probe/b", headers=alice)).headers["ratelimit"] == '"read";r=1;t=30'


async def test_a_route_requiring_a_scope_answers_403_naming_it_and_serves_a_token_that_has_it(make_app, idp):
    async with make_app() as t:
        declare(t.app, "/probe/write", "probe_write", rate_limit("write"), require_scope("invoices:write"))
        refused = await t.client.get("/probe/write", headers=bearer(idp.token("alice", "invoices:read")))
        error = expect_error(refused, 403, "forbidden")
        assert error["message"] == 'This endpoint requires the scope "invoices:write"'
        assert (
            refused.headers["www-authenticate"] == 'Bearer error="insufficient_scope", scope="invoices:write"'
        )
        assert refused.headers["ratelimit-policy"].startswith('"write";')
        allowed = await t.client.get("/probe/write", headers=bearer(idp.token("alice", "invoices:write")))
        assert (allowed.status_code, allowed.json()) == (200, {"route": "probe_write"})


@pytest.mark.parametrize(
    "scope", ["invoices", "Invoices:Read", "invoices:read:all", "invoices:", ":read", "a1:b"]
)
def test_require_scope_refuses_a_scope_that_is_not_resource_action(scope):
    with pytest.raises(ValueError) as refused:
        require_scope(scope)
    assert str(refused.value) == f'require_scope: "{scope}" is not a "resource:action" scope'


def test_require_scope_takes_a_resource_action_scope():
    assert callable(require_scope("invoices:read"))


async def test_a_route_limited_by_address_keeps_one_bucket_per_address_and_route(make_app):
    async with limited_app(make_app) as t:
        declare(t.app, "/probe/open", "probe_open", rate_limit_by_address("read"))
        declare(t.app, "/probe/other", "probe_other", rate_limit_by_address("read"))
        async with t.client_from(("203.0.113.1", 4000)) as one, t.client_from(("203.0.113.2", 4000)) as two:
            assert (await one.get("/probe/open")).headers["ratelimit"] == '"read";r=1;t=30'
            # Another port of the same address: the same bucket.
            async with t.client_from(("203.0.113.1", 5000)) as same:
                assert (await same.get("/probe/open")).headers["ratelimit"] == '"read";r=0;t=60'
            limited = await one.get("/probe/open")
            expect_error(limited, 429, "rate_limited")
            assert limited.headers["retry-after"] == "30"
            assert (await two.get("/probe/open")).headers["ratelimit"] == '"read";r=1;t=30'
            assert (await one.get("/probe/other")).headers["ratelimit"] == '"read";r=1;t=30'


async def test_failed_authentications_spend_the_bucket_of_their_own_address(make_app):
    async with (
        limited_app(make_app) as t,
        t.client_from(("203.0.113.1", 4000)) as one,
        t.client_from(("203.0.113.2", 4000)) as two,
    ):
        for remaining in (1, 0):
            response = await one.get("/v1/users/alice", headers=bearer("not-a-jwt"))
            expect_error(response, 401, "unauthorized")
            assert response.headers["ratelimit"].startswith(f'"auth-failures";r={remaining};')
        expect_error(await one.get("/v1/users/alice", headers=bearer("not-a-jwt")), 429, "rate_limited")
        other = await two.get("/v1/users/alice", headers=bearer("not-a-jwt"))
        expect_error(other, 401, "unauthorized")
        assert other.headers["ratelimit"].startswith('"auth-failures";r=1;')


async def test_clients_without_a_known_address_share_one_bucket(make_app):
    # An ASGI server may know no peer (a Unix socket): those callers are limited together, not skipped.
    async with limited_app(make_app) as t, t.client_from(None) as first, t.client_from(None) as second:
        response = await first.get("/v1/users/alice", headers=bearer("not-a-jwt"))
        expect_error(response, 401, "unauthorized")
        assert response.headers["ratelimit"].startswith('"auth-failures";r=1;')
        again = await second.get("/v1/users/alice", headers=bearer("not-a-jwt"))
        assert again.headers["ratelimit"].startswith('"auth-failures";r=0;')
        health = await first.get("/health")
        assert (health.status_code, health.headers["ratelimit-policy"]) == (200, '"health";q=600;w=60')


async def test_a_request_that_only_reads_runs_its_select_on_an_autocommit_connection(make_app, idp, database):
    # `get_read_session`: no BEGIN and no ROLLBACK around the one SELECT (two round trips on PostgreSQL).
    seen: list[tuple[str, str | None]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if "invoices" in statement:
            seen.append((statement.split()[0].upper(), conn.get_execution_options().get("isolation_level")))

    ivy = bearer(idp.token("ivy"))
    event.listen(database.engine.sync_engine, "before_cursor_execute", record)
    try:
        async with make_app() as t:
            await t.client.post("/v1/users", headers=ivy, json={"email": "ivy@example.com", "name": "I"})
            invoice = {"amountCents": 1, "currency": "EUR", "description": "x"}
            created = await t.client.post("/v1/invoices", headers=ivy, json=invoice)
            assert (
                await t.client.get(f"/v1/invoices/{created.json()['id']}", headers=ivy)
            ).status_code == 200
            assert (await t.client.get("/v1/invoices", headers=ivy)).status_code == 200
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", record)
    # The write is in a transaction; both reads are not.
    assert seen == [("INSERT", None), ("SELECT", "AUTOCOMMIT"), ("SELECT", "AUTOCOMMIT")]
