"""What the tests share: an in-process IdP, request helpers and the error-shape assertion."""

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import ec

from app.models.errors import Error

ISSUER = "https://idp.test"
AUDIENCE = "fastapi-service"
ALL_SCOPES = "users:read users:write invoices:read invoices:write"


@dataclass
class LocalIdp:
    """An in-process IdP: a key pair, its JWKS, and a signer with overridable claims."""

    key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    kid: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def jwks(self) -> dict:
        public = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "alg": "ES256", "use": "sig"}]}

    def sign(self, claims: dict, *, key=None, headers: dict | None = None, algorithm: str = "ES256") -> str:
        return jwt.encode(
            self._payload(claims),
            key or self.key,
            algorithm=algorithm,
            headers={"kid": self.kid, **(headers or {})},
        )

    def unsigned(self, claims: dict) -> str:
        """The same token with `alg: none` and no signature: what every service must refuse."""
        return jwt.encode(self._payload(claims), None, algorithm="none", headers={"kid": self.kid})

    @staticmethod
    def _payload(claims: dict) -> dict:
        now = int(time.time())
        payload = {"iss": ISSUER, "aud": AUDIENCE, "iat": now, "nbf": now, "exp": now + 300, **claims}
        return {name: value for name, value in payload.items() if value is not None}

    def token(self, sub: str, scope: str = ALL_SCOPES) -> str:
        return self.sign({"sub": sub, "scope": scope})

    async def resolve(self, kid: str | None) -> jwt.PyJWK | None:
        keys = {key["kid"]: key for key in self.jwks["keys"]}
        return jwt.PyJWK(keys[kid]) if kid in keys else None


def bearer(token: str | None) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"} if token else {}


def expect_error(response, status: int, code: str) -> dict:
    """A response that must be the documented error shape; returns its `error`."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = Error.model_validate(response.json())
    assert body.error.code == code
    return body.error.model_dump(exclude_none=True)


@contextmanager
def serve_jwks(idp: "LocalIdp") -> Iterator[tuple[str, list[str]]]:
    """The IdP's JWKS over real HTTP on loopback: yields its URL and the paths requested so far."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = json.dumps(idp.jwks).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json", hits
    finally:
        server.shutdown()
        server.server_close()
