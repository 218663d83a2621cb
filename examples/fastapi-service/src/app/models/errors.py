"""The one error shape: `{ "error": { "code", "message", "details"? } }`."""

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema

from app.errors import ERROR_CODES

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


#: Response headers every 2XX and 4XX answer may carry (the OWASP lint asks each to say so).
RATE_LIMIT_HEADERS = {
    "RateLimit": {
        "description": 'IETF draft `RateLimit`: `"<tier>";r=<left>;t=<seconds>`. Sent once the request '
        "reached the rate limiter (after authentication and the scope check).",
        "schema": {
            "type": "string",
            "maxLength": 100,
            "pattern": '^"[a-z]+";r=[0-9]+;t=[0-9]+$',
            "examples": ['"read";r=299;t=1'],
        },
    },
    "RateLimit-Policy": {
        "description": 'IETF draft `RateLimit-Policy`: `"<tier>";q=<capacity>;w=<window seconds>`.',
        "schema": {
            "type": "string",
            "maxLength": 100,
            "pattern": '^"[a-z]+";q=[0-9]+;w=[0-9]+$',
            "examples": ['"read";q=300;w=60'],
        },
    },
}
RETRY_AFTER_HEADER = {
    "Retry-After": {
        "description": "Seconds until the bucket has a token again.",
        "schema": {"type": "integer", "format": "int32", "minimum": 1, "maximum": 86_400},
    }
}


def error_response(description: str) -> dict:
    """An OpenAPI `responses` entry for an error status, so each route documents its failures."""
    return {"model": Error, "description": description}


def documented(success: int, errors: dict[int, dict], *, rate_limited: bool = True) -> dict:
    """The `responses=` of a route: its errors, and the rate-limit headers on its 2XX and 4XX."""
    responses: dict[int, dict] = {success: {}, **errors}
    if rate_limited:
        for status, response in responses.items():
            if status < 500:
                headers = RATE_LIMIT_HEADERS | (RETRY_AFTER_HEADER if status == 429 else {})
                responses[status] = {**response, "headers": headers}
    return responses


#: The failures every authenticated route shares.
AUTH_ERROR_RESPONSES = {
    401: error_response("Missing or invalid bearer token (`unauthorized`)."),
    403: error_response("The token lacks the required scope (`forbidden`)."),
    429: error_response("Rate limit exceeded (`rate_limited`); see `Retry-After`."),
    500: error_response("Unexpected error (`internal_error`)."),
}
