"""Word for word what a client reads in an error: each 401 message, the validation and routing
messages, and the 413 and 500 answers the middleware writes itself (byte for byte, with exactly the
API header set). The other suites check codes and fields; a client may show these messages as they are."""

import time

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from app.error_handlers import error_response
from app.errors import UnauthorizedError

from helpers import ALL_SCOPES, bearer, expect_error

pytestmark = pytest.mark.anyio

#: The headers of an answer the middleware writes itself: its own two, the trace id and the API set.
MIDDLEWARE_ANSWER_HEADERS = {
    "content-type",
    "content-length",
    "x-trace-id",
    "cache-control",
    "content-security-policy",
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
}


def token_cases(idp) -> list[tuple[str, dict, str]]:
    """(case, request headers, the 401 message) for every way a token is refused."""
    now = int(time.time())
    stranger = ec.generate_private_key(ec.SECP256R1())
    return [
        ("no header", {}, "A bearer token is required (Authorization: Bearer <token>)"),
        ("not a JWT", bearer("abc.def.ghi"), "The token is not valid"),
        (
            "expired",
            bearer(idp.sign({"sub": "alice", "iat": now - 600, "nbf": now - 600, "exp": now - 60})),
            "The token has expired",
        ),
        (
            "alg none",
            bearer(idp.unsigned({"sub": "alice", "scope": ALL_SCOPES})),
            "The token is signed with an algorithm that is not allowed",
        ),
        ("other key", bearer(idp.sign({"sub": "alice"}, key=stranger)), "The token signature is not valid"),
        (
            "nbf ahead",
            bearer(idp.sign({"sub": "alice", "nbf": now + 120})),
            'The token\'s "nbf" claim is not accepted',
        ),
        (
            "iat ahead",
            bearer(idp.sign({"sub": "alice", "iat": now + 120})),
            'The token\'s "iat" claim is not accepted',
        ),
        ("sub a number", bearer(idp.sign({"sub": 42})), 'The token\'s "sub" claim is not accepted'),
        ("no sub", bearer(idp.sign({"sub": None})), 'The token\'s "sub" claim is not accepted'),
        (
            "no exp",
            bearer(idp.sign({"sub": "alice", "exp": None})),
            'The token\'s "exp" claim is not accepted',
        ),
        (
            "other audience",
            bearer(idp.sign({"sub": "alice", "aud": "another-service"})),
            'The token\'s "aud" claim is not accepted',
        ),
        (
            "other issuer",
            bearer(idp.sign({"sub": "alice", "iss": "https://evil.test"})),
            'The token\'s "iss" claim is not accepted',
        ),
        (
            "16 minutes",
            bearer(idp.sign({"sub": "alice", "iat": now, "exp": now + 16 * 60})),
            "The token lives longer than 15 minutes",
        ),
    ]


async def test_each_refused_token_gets_its_own_401_message(make_app, idp):
    async with make_app() as t:
        for case, headers, message in token_cases(idp):
            response = await t.client.get("/v1/users/alice", headers=headers)
            assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"', case
            assert expect_error(response, 401, "unauthorized") == {"code": "unauthorized", "message": message}


def test_a_bare_unauthorized_error_asks_for_a_valid_bearer_token():
    response = error_response(UnauthorizedError())
    assert (response.status_code, response.body) == (
        401,
        b'{"error":{"code":"unauthorized","message":"A valid bearer token is required"}}',
    )
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'


async def test_validation_and_routing_errors_say_what_went_wrong(make_app, idp):
    alice = bearer(idp.token("alice"))
    async with make_app() as t:
        malformed = await t.client.post(
            "/v1/users", headers={**alice, "content-type": "application/json"}, content='{"email":'
        )
        assert expect_error(malformed, 400, "bad_request")["message"] == "Malformed JSON in request body"
        invalid = await t.client.post("/v1/users", headers=alice, json={"email": "a@example.com"})
        assert expect_error(invalid, 400, "validation_failed")["message"] == "The request is invalid"
        missing = await t.client.get("/nope")
        assert expect_error(missing, 404, "not_found")["message"] == "No route for GET /nope"
        wrong = await t.client.delete("/health")
        assert (
            expect_error(wrong, 405, "method_not_allowed")["message"]
            == "Method DELETE is not allowed on /health"
        )


async def test_a_get_only_route_outside_the_api_allows_get_and_head_once(make_app):
    # /openapi.json is Starlette's own route, whose methods include HEAD already: listed once.
    async with make_app() as t:
        response = await t.client.delete("/openapi.json")
    expect_error(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "GET, HEAD"


async def test_a_body_declared_over_64_kb_gets_the_413_answer_byte_for_byte(make_app, idp):
    async with make_app() as t:
        response = await t.client.post(
            "/v1/users",
            headers={**bearer(idp.token("alice")), "content-type": "application/json"},
            content=b" " * (64 * 1024 + 1),
        )
    assert response.status_code == 413
    assert (
        response.content
        == b'{"error":{"code":"payload_too_large","message":"The request body exceeds 64 KB"}}'
    )
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-length"] == str(len(response.content))
    assert set(response.headers) == MIDDLEWARE_ANSWER_HEADERS
    assert all(name.islower() for name, _ in response.headers.raw)  # as ASGI wants header names


async def test_a_body_of_exactly_64_kb_is_read(make_app, idp):
    body = b'{"email":"limit@example.com","name":"L"}'
    async with make_app() as t:
        response = await t.client.post(
            "/v1/users",
            headers={**bearer(idp.token("limit")), "content-type": "application/json"},
            content=body + b" " * (64 * 1024 - len(body)),
        )
    assert response.status_code == 201, response.text


async def test_a_chunked_body_over_64_kb_is_told_the_limit(make_app, idp):
    async def chunks():
        for _ in range(9):
            yield b" " * 8192

    async with make_app() as t:
        response = await t.client.post(
            "/v1/users",
            headers={**bearer(idp.token("alice")), "content-type": "application/json"},
            content=chunks(),
        )
    assert expect_error(response, 413, "payload_too_large")["message"] == "The request body exceeds 64 KB"


async def test_an_unexpected_error_gets_the_500_answer_byte_for_byte(make_app):
    async def broken(token: str):
        raise RuntimeError("the verifier broke")

    async with make_app(verify_token=broken) as t:
        response = await t.client.get("/v1/users/alice", headers=bearer("some.token.value"))
    assert response.status_code == 500
    assert response.content == (
        b'{"error":{"code":"internal_error",'
        b'"message":"Something went wrong. Quote the trace id when reporting it."}}'
    )
    assert response.headers["content-length"] == str(len(response.content))
    assert set(response.headers) == MIDDLEWARE_ANSWER_HEADERS
    assert all(name.islower() for name, _ in response.headers.raw)
