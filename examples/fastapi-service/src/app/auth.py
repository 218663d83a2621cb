"""Short-lived ES256 JWTs verified against the identity provider's JWKS (PyJWT)."""

import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio.to_thread
import jwt
from jwt.exceptions import InvalidSubjectError
from pydantic import TypeAdapter, ValidationError

from app.models.users import UserId

#: Tokens are short-lived by rule: anything issued for longer than this is refused.
MAX_TOKEN_LIFETIME_SECONDS = 15 * 60

#: The registered claims that are NumericDates (RFC 7519 section 2): JSON numbers. PyJWT checks them
#: with int(), which takes "1767225600" (a string) and `true` as well.
NUMERIC_DATE_CLAIMS = ("exp", "nbf", "iat")

#: A `sub` must be a user id (1 to 128 characters, no control characters): it becomes a primary key
#: and the `id` of answers, where anything else would be a 500 (NUL: a database error on PostgreSQL).
USER_ID = TypeAdapter(UserId)


@dataclass(frozen=True, slots=True)
class Principal:
    """What the service knows about a caller once their token is verified."""

    #: The token's `sub`: the user id everywhere in the service.
    user_id: str
    scopes: frozenset[str]
    #: Expiry, in seconds since the epoch.
    expires_at: int


class InvalidTokenError(Exception):
    """Every token that must not be trusted; the message is safe to return to clients."""


#: Resolves the key a token names (`kid`) to a verification key, or None when there is none.
KeyResolver = Callable[[str | None], Awaitable[jwt.PyJWK | None]]


# #region remote-jwks
class RemoteJwks:
    """The IdP's public keys, fetched with PyJWT's `PyJWKClient` (in a thread: it is blocking).

    An unknown `kid` refetches the set (key rotation), at most once per `cooldown_seconds`, so
    a flood of forged tokens cannot turn into a flood of requests to the IdP.
    """

    def __init__(self, url: str, *, cooldown_seconds: float = 30, max_age_seconds: float = 300):
        self.client = jwt.PyJWKClient(url, cache_jwk_set=False, timeout=5)
        self.cooldown = cooldown_seconds
        self.max_age = max_age_seconds
        self.keys: dict[str | None, jwt.PyJWK] = {}
        self.fetched_at = float("-inf")

    async def __call__(self, kid: str | None) -> jwt.PyJWK | None:
        age = time.monotonic() - self.fetched_at
        if age > self.max_age or (kid not in self.keys and age > self.cooldown):
            # PyJWKClientConnectionError (IdP down) propagates: our outage, answered as a 500.
            jwk_set = await anyio.to_thread.run_sync(self.client.get_jwk_set, True)
            self.keys = {key.key_id: key for key in jwk_set.keys}
            self.fetched_at = time.monotonic()
        return self.keys.get(kid)


# #endregion remote-jwks


def _describe(error: jwt.PyJWTError) -> str:
    if isinstance(error, jwt.ExpiredSignatureError):
        return "The token has expired"
    if isinstance(error, jwt.InvalidAlgorithmError):
        return "The token is signed with an algorithm that is not allowed"
    if isinstance(error, jwt.InvalidSignatureError):
        return "The token signature is not valid"
    claims = {
        jwt.InvalidAudienceError: "aud",
        jwt.InvalidIssuerError: "iss",
        jwt.ImmatureSignatureError: "nbf",
        jwt.InvalidIssuedAtError: "iat",
    }
    claim = next((name for kind, name in claims.items() if isinstance(error, kind)), None)
    if isinstance(error, InvalidSubjectError):  # `sub` is not a string
        claim = "sub"
    if isinstance(error, jwt.MissingRequiredClaimError):
        claim = error.claim
    if isinstance(error, jwt.ImmatureSignatureError) and "iat" in str(error):
        claim = "iat"
    if type(error) is jwt.DecodeError and (match := re.search(r"\((exp|nbf)\) must be", str(error))):
        claim = match.group(1)  # "Expiration Time claim (exp) must be an integer."
    return f'The token\'s "{claim}" claim is not accepted' if claim else "The token is not valid"


# #region verify-token
class TokenVerifier:
    """Turns a bearer token into a `Principal`, or raises `InvalidTokenError`.

    Verification (signature, algorithm allow-list, `exp`, `nbf`, `iss`, `aud`, lifetime) is the
    hot spot of every request, so a verified token is remembered until its own `exp`, keyed by
    the whole token string: a cached answer is only reused for the exact bytes verified.
    """

    def __init__(
        self,
        keys: KeyResolver,
        *,
        issuer: str,
        audience: str,
        algorithms: tuple[str, ...] = ("ES256",),
        cache_size: int = 10_000,
        leeway_seconds: int = 5,
    ) -> None:
        if not algorithms or any(alg.lower() == "none" for alg in algorithms):
            raise ValueError("TokenVerifier: algorithms must list real signing algorithms")
        self.keys, self.issuer, self.audience = keys, issuer, audience
        self.algorithms = list(algorithms)
        self.cache_size, self.leeway = cache_size, leeway_seconds
        self.cache: OrderedDict[str, Principal] = OrderedDict()

    async def __call__(self, token: str) -> Principal:
        now = int(time.time())
        cached = self.cache.get(token)
        if cached is not None:
            if cached.expires_at > now - self.leeway:
                return cached
            del self.cache[token]
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") not in self.algorithms:
                raise jwt.InvalidAlgorithmError("algorithm not allowed")
            key = await self.keys(header.get("kid"))
            if key is None:
                raise jwt.InvalidSignatureError("no such key")
            claims = jwt.decode(
                token,
                key=key,
                algorithms=self.algorithms,
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": ["sub", "exp", "iat"]},
            )
        except jwt.PyJWKClientError:
            raise  # the IdP unreachable or answering garbage is our outage, not a bad token: a 500
        except jwt.PyJWTError as error:
            raise InvalidTokenError(_describe(error)) from error
        for name in NUMERIC_DATE_CLAIMS:
            value = claims.get(name)
            if name in claims and (isinstance(value, bool) or not isinstance(value, int | float)):
                raise InvalidTokenError(f'The token\'s "{name}" claim is not accepted')
        try:
            USER_ID.validate_python(claims["sub"], strict=True)
        except ValidationError:
            raise InvalidTokenError('The token\'s "sub" claim is not accepted') from None
        if claims["exp"] - claims["iat"] > MAX_TOKEN_LIFETIME_SECONDS:
            raise InvalidTokenError("The token lives longer than 15 minutes")
        principal = Principal(claims["sub"], frozenset(_scopes(claims)), int(claims["exp"]))
        if self.cache_size > 0:
            # Bounded: drop the oldest entry rather than grow without limit.
            if len(self.cache) >= self.cache_size:
                self.cache.popitem(last=False)
            self.cache[token] = principal
        return principal


# #endregion verify-token


def _scopes(claims: dict) -> list[str]:
    """Scopes come as a space-separated `scope` string (RFC 8693) or an `scp` array (Azure AD)."""
    if isinstance(claims.get("scope"), str):
        return claims["scope"].split()
    if isinstance(claims.get("scp"), list):
        return [scope for scope in claims["scp"] if isinstance(scope, str)]
    return []
