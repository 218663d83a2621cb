"""What the tests share: an in-process IdP, request helpers and the error-shape assertion."""

import json
import time
import uuid
from dataclasses import dataclass, field

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
        now = int(time.time())
        payload = {"iss": ISSUER, "aud": AUDIENCE, "iat": now, "nbf": now, "exp": now + 300, **claims}
        payload = {name: value for name, value in payload.items() if value is not None}
        return jwt.encode(
            payload, key or self.key, algorithm=algorithm, headers={"kid": self.kid, **(headers or {})}
        )

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
