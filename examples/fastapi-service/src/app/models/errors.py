"""The one error shape: `{ "error": { "code", "message", "details"? } }`."""

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

from app.errors import ERROR_CODES

# #region error-shape
#: Every documented error code (the enum is built from `ERROR_CODES`, so the two cannot drift).
ErrorCode = StrEnum("ErrorCode", {code: code for code in ERROR_CODES})
ErrorCode.__doc__ = "\n".join(
    f"- `{code}` ({status}): {meaning}" for code, (status, meaning) in ERROR_CODES.items()
)


class ErrorDetail(BaseModel):
    """One failing field: `path` is where it was sent (`body.*`, `path.*`, `query.*`)."""

    path: str = Field(max_length=200, examples=["body.amountCents"])
    message: str = Field(max_length=1000)


class ErrorObject(BaseModel):
    code: ErrorCode
    message: str = Field(max_length=1000, examples=["The request is invalid"])
    # Absent rather than null when there is nothing to list (SkipJsonSchema keeps `null` out of
    # the document, as hono-service's optional field).
    details: Annotated[list[ErrorDetail], Field(max_length=100)] | SkipJsonSchema[None] = Field(
        None, description="Present on `validation_failed`: one entry per failing field."
    )


class Error(BaseModel):
    """The body of every error response."""

    error: ErrorObject


# #endregion error-shape


#: Response headers, as the document states them (the OWASP lint asks each 2XX/4XX to say how it
#: is rate limited). The same names, patterns and bounds as hono-service's.
TRACE_ID_HEADER = {
    "X-Trace-Id": {
        "description": "W3C trace id of this request (from `traceparent`, or generated). Quote it when reporting a problem.",
        "required": True,
        "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$", "minLength": 32, "maxLength": 32},
    }
}
CORS_HEADER = {
    "Access-Control-Allow-Origin": {
        "description": "CORS: sent only when `CORS_ORIGINS` lists the request's `Origin` (then echoing it). "
        "By default the list is empty and the header is never sent: no browser page on another origin may read "
        "an answer (the handbook's clients call through their own server).",
        "schema": {"type": "string", "format": "uri", "maxLength": 200},
    }
}
RATE_LIMIT_HEADERS = {
    "RateLimit": {
        "description": "IETF draft `RateLimit` of the bucket this request counted against: `r` tokens left, `t` "
        "seconds until the bucket is full (until the next token when limited). Absent only if the limiter "
        "store is down (requests are then let through).",
        "schema": {"type": "string", "pattern": '^"[a-z0-9-]+";r=\\d+;t=\\d+$', "maxLength": 100},
    },
    "RateLimit-Policy": {
        "description": "IETF draft `RateLimit-Policy`: the bucket (`read`, `write`, `health` or `auth-failures`), "
        "its size `q` and its window `w` in seconds.",
        "schema": {"type": "string", "pattern": '^"[a-z0-9-]+";q=\\d+;w=\\d+$', "maxLength": 100},
    },
}
RETRY_AFTER_HEADER = {
    "Retry-After": {
        "description": "Seconds until the bucket has a token again.",
        "required": True,
        "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 86_400},
    }
}
WWW_AUTHENTICATE_HEADER = {
    "WWW-Authenticate": {
        "description": 'RFC 6750 challenge: `Bearer error="invalid_token"` (401) or '
        '`Bearer error="insufficient_scope", scope="…"` (403).',
        "schema": {"type": "string", "maxLength": 200},
    }
}


def _headers(status: int, rate_limited: bool) -> dict:
    headers = TRACE_ID_HEADER | CORS_HEADER
    if rate_limited and status < 500:
        headers |= RATE_LIMIT_HEADERS
    if status == 429:
        headers |= RETRY_AFTER_HEADER
    if status in (401, 403):
        headers |= WWW_AUTHENTICATE_HEADER
    return headers


def error_response(description: str) -> dict:
    """An OpenAPI `responses` entry for an error status, so each route documents its failures."""
    return {"model": Error, "description": description}


def documented(success: int, errors: dict[int, dict], *, rate_limited: bool = True) -> dict:
    """The `responses=` of a route: its errors, and the headers each status carries."""
    responses: dict[int, dict] = {success: {}, **errors}
    return {
        status: {**response, "headers": _headers(status, rate_limited)}
        for status, response in responses.items()
    }


#: The failures every authenticated route shares.
AUTH_ERROR_RESPONSES = {
    401: error_response("Missing or invalid bearer token (`unauthorized`)."),
    403: error_response("The token lacks the required scope (`forbidden`)."),
    429: error_response("Rate limit exceeded (`rate_limited`); see `Retry-After`."),
    500: error_response("Unexpected error (`internal_error`)."),
}
