"""Typed errors and the one code table: the same codes and statuses as hono-service."""

from typing import Any

#: Every error code the API answers with, its status and meaning. The single source of the
#: OpenAPI `ErrorCode` enum, the README table and the exception handlers.
ERROR_CODES: dict[str, tuple[int, str]] = {
    "bad_request": (400, "The request could not be read (for example malformed JSON)."),
    "validation_failed": (
        400,
        "The request did not match the schema; `details` lists every failing field.",
    ),
    "unauthorized": (401, "Missing, malformed, expired or otherwise invalid bearer token."),
    "forbidden": (403, "The token is valid but lacks the scope this endpoint requires."),
    "not_found": (404, "No such route, or no such resource visible to the caller."),
    "method_not_allowed": (
        405,
        "The path exists but not with this method; see the `Allow` header.",
    ),
    "conflict": (
        409,
        "The request conflicts with the current state (for example the user already exists).",
    ),
    "payload_too_large": (413, "The request body is larger than 64 KB."),
    "rate_limited": (429, "Too many requests for this user and endpoint; see `Retry-After`."),
    "internal_error": (500, "Unexpected failure. Details are logged, never returned."),
    "service_unavailable": (
        503,
        "The service is shutting down or a dependency (the database) is down.",
    ),
}


class AppError(Exception):
    """An error the API answers on purpose, as `{ "error": { code, message, details? } }`.

    Example: ``raise AppError("not_found", "Invoice not found")``
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        details: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"AppError: unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers or {}

    @property
    def status(self) -> int:
        return ERROR_CODES[self.code][0]

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


class NotFoundError(AppError):
    """404 for a resource the caller may not see, whether it exists or not (no existence leak)."""

    def __init__(self, resource: str) -> None:
        super().__init__("not_found", f"{resource} not found")


class UnauthorizedError(AppError):
    """401: the bearer token is missing or invalid."""

    def __init__(self, message: str = "A valid bearer token is required") -> None:
        # RFC 6750: a 401 for bearer auth names the scheme so clients know how to authenticate.
        super().__init__(
            "unauthorized", message, headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}
        )


class ForbiddenError(AppError):
    """403: the token lacks a required scope."""

    def __init__(self, scope: str) -> None:
        super().__init__(
            "forbidden",
            f'This endpoint requires the scope "{scope}"',
            headers={"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{scope}"'},
        )
