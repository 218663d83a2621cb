import socket
import time

import anyio
import pytest

import app.auth
from app.auth import InvalidTokenError, RemoteJwks, TokenVerifier

from helpers import AUDIENCE, ISSUER, LocalIdp, serve_jwks

pytestmark = pytest.mark.anyio


async def test_a_verified_token_is_cached_only_until_it_expires():
    idp = LocalIdp()
    calls = []

    async def keys(kid):
        calls.append(kid)
        return await idp.resolve(kid)

    verify = TokenVerifier(keys, issuer=ISSUER, audience=AUDIENCE, leeway_seconds=0)
    exp = int(time.time()) + 2  # room for a slow machine between signing and verifying
    token = idp.sign({"sub": "alice", "scope": "users:read", "exp": exp})
    first = await verify(token)
    assert (first.user_id, first.scopes) == ("alice", frozenset({"users:read"}))
    assert await verify(token) is first
    assert len(calls) == 1
    await anyio.sleep(exp + 1.1 - time.time())  # past `exp`: the cached answer must not outlive the token
    with pytest.raises(InvalidTokenError, match="expired"):
        await verify(token)


async def test_scopes_come_from_scope_or_scp():
    idp = LocalIdp()
    verify = TokenVerifier(idp.resolve, issuer=ISSUER, audience=AUDIENCE)
    principal = await verify(idp.sign({"sub": "a", "scope": None, "scp": ["x:y", 3]}))
    assert principal.scopes == frozenset({"x:y"})


def test_none_is_never_an_allowed_algorithm():
    with pytest.raises(ValueError):
        TokenVerifier(LocalIdp().resolve, issuer=ISSUER, audience=AUDIENCE, algorithms=("ES256", "none"))


@pytest.fixture
def jwks_server():
    idp = LocalIdp()
    with serve_jwks(idp) as (url, hits):
        yield idp, url, hits


async def test_remote_jwks_fetches_once_and_refetches_an_unknown_kid_at_most_once_per_cooldown(jwks_server):
    idp, url, hits = jwks_server
    keys = RemoteJwks(url, cooldown_seconds=30)
    verify = TokenVerifier(keys, issuer=ISSUER, audience=AUDIENCE, cache_size=0)
    assert (await verify(idp.token("alice"))).user_id == "alice"
    assert (await verify(idp.token("bob"))).user_id == "bob"
    for n in range(5):
        forged = idp.sign({"sub": "mallory"}, headers={"kid": f"forged-{n}"})
        with pytest.raises(InvalidTokenError, match="signature"):
            await verify(forged)
    assert len(hits) == 1


async def test_an_unreachable_jwks_is_an_outage_not_a_bad_token():
    import jwt

    keys = RemoteJwks("http://127.0.0.1:9/.well-known/jwks.json")
    with pytest.raises(jwt.PyJWKClientConnectionError):
        await TokenVerifier(keys, issuer=ISSUER, audience=AUDIENCE)(LocalIdp().token("alice"))


async def test_an_idp_that_never_answers_is_an_outage_after_5_s_not_a_hung_request():
    import jwt

    # The kernel completes the connection (listen backlog); nobody ever reads or answers it.
    with socket.create_server(("127.0.0.1", 0)) as silent:
        keys = RemoteJwks(f"http://127.0.0.1:{silent.getsockname()[1]}/.well-known/jwks.json")
        started = time.monotonic()
        with pytest.raises(jwt.PyJWKClientConnectionError):
            await TokenVerifier(keys, issuer=ISSUER, audience=AUDIENCE)(LocalIdp().token("alice"))
        elapsed = time.monotonic() - started
    assert 5 <= elapsed < 5.9


class Clock:
    """`app.auth`'s clock: `monotonic()` moved by the test, `time()` the real one (token times)."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return time.time()


async def test_remote_jwks_refetches_an_unknown_kid_after_30_s_and_every_kid_after_5_minutes(
    jwks_server, monkeypatch
):
    idp, url, hits = jwks_server
    clock = Clock()
    monkeypatch.setattr(app.auth, "time", clock)
    keys = RemoteJwks(url)
    assert (await keys(idp.kid)).key_id == idp.kid
    clock.now += 30  # the cooldown, not past it: an unknown kid is not looked up again yet
    assert await keys("rotated") is None
    assert len(hits) == 1
    clock.now += 0.5
    assert await keys("rotated") is None
    assert len(hits) == 2
    clock.now += 200  # a known kid is served from the set fetched 200 s ago
    assert (await keys(idp.kid)).key_id == idp.kid
    clock.now += 100  # 300 s: still the same set
    await keys(idp.kid)
    assert len(hits) == 2
    clock.now += 0.5  # past 5 minutes: fetched again, even for a known kid
    assert (await keys(idp.kid)).key_id == idp.kid
    assert len(hits) == 3
