"""Around every request: security headers, trace id, body limit, one log line, no stray 500s."""

import json
import logging
import re
import time
import uuid
from collections.abc import Iterable

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import AppError

#: Request bodies beyond this answer 413.
MAX_BODY_BYTES = 64 * 1024

#: The OWASP REST Security Cheat Sheet's API set plus `Cache-Control: no-store` (answers are per
#: user: no browser or proxy may keep them): the same names and values as hono-service's.
API_SECURITY_HEADERS = {
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "strict-transport-security": "max-age=15552000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
}

# W3C Trace Context: version-traceid-parentid-flags, all lowercase hex.
TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")


def trace_id_from(traceparent: str | None) -> str:
    """The trace id of a valid `traceparent`, or a fresh one (an all-zero id is invalid by the spec)."""
    match = TRACEPARENT.match(traceparent.strip()) if traceparent else None
    if match and match.group(1) != "0" * 32:
        return match.group(1)
    return uuid.uuid4().hex


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


class RequestContextMiddleware:
    """Pure ASGI (no BaseHTTPMiddleware: it costs a task and a stream copy per request).

    Every response gets the security headers, `X-Trace-Id` and whatever a dependency put in
    `request.state.response_headers` (the RateLimit headers), a header the route set itself
    winning; each request writes one JSON log line; an unexpected exception is logged in full and
    answered with a generic 500 in the error shape; a body over `max_body_bytes` is a 413 in the
    same shape. (Not FastAPI's `max_body_size`: for a declared oversize body Starlette sends its
    own text/plain 413 in place of whatever the app answers.)
    """

    def __init__(self, app: ASGIApp, *, logger: logging.Logger, max_body_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.logger = logger
        self.max_body_bytes = max_body_bytes
        self.fixed = [(k.encode(), v.encode()) for k, v in API_SECURITY_HEADERS.items()]

    # #region request-context
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        trace_id = trace_id_from(_header(scope, b"traceparent"))
        state = scope.setdefault("state", {})
        state["trace_id"] = trace_id
        extra: list[tuple[str, str]] = []
        state["response_headers"] = extra
        status = 500
        response_started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status, response_started = message["status"], True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                added = [*self.fixed, (b"x-trace-id", trace_id.encode())]
                added += [(name.lower().encode(), value.encode()) for name, value in extra]
                lifecycle = getattr(scope["app"].state, "lifecycle", None) if "app" in scope else None
                if lifecycle is not None and lifecycle.draining:
                    # Draining: the client must not reuse this connection (uvicorn closes it).
                    added.append((b"connection", b"close"))
                headers += [(name, value) for name, value in added if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        try:
            if self._declared_too_large(scope):
                await self._send_error(send_with_headers, self._too_large())
            else:
                await self.app(scope, self._limited(receive), send_with_headers)
        except Exception as error:
            self.logger.error(
                "unhandled error",
                exc_info=error,
                extra={"trace_id": trace_id, "method": scope["method"], "path": scope["path"]},
            )
            if not response_started:
                await self._send_error(
                    send_with_headers,
                    AppError("internal_error", "Something went wrong. Quote the trace id when reporting it."),
                )
        finally:
            principal = state.get("principal")
            line = {
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "trace_id": trace_id,
                "user_id": principal.user_id if principal else None,
            }
            self.logger.log(logging.ERROR if status >= 500 else logging.INFO, "request", extra=line)

    # #endregion request-context

    def _too_large(self) -> AppError:
        return AppError("payload_too_large", f"The request body exceeds {self.max_body_bytes // 1024} KB")

    def _declared_too_large(self, scope: Scope) -> bool:
        length = _header(scope, b"content-length")
        return length is not None and length.isdigit() and int(length) > self.max_body_bytes

    def _limited(self, receive: Receive) -> Receive:
        """`receive`, counting body bytes: a chunked body that grows past the limit stops at 413."""
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # FastAPI re-raises an HTTPException from body reading; the handler maps it to 413.
                    raise HTTPException(413, self._too_large().message)
            return message

        return limited_receive

    @staticmethod
    async def _send_error(send: Send, error: AppError) -> None:
        body = json.dumps(error.body(), separators=(",", ":")).encode()
        headers: Iterable[tuple[bytes, bytes]] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *((k.lower().encode(), v.encode()) for k, v in error.headers.items()),
        ]
        await send({"type": "http.response.start", "status": error.status, "headers": list(headers)})
        await send({"type": "http.response.body", "body": body})
