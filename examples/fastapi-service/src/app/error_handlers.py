"""FastAPI exception handlers: every failure leaves in the documented error shape."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.errors import AppError
from app.middleware import MAX_BODY_BYTES

logger = logging.getLogger("app")


def error_response(error: AppError) -> JSONResponse:
    """Send an AppError as `{ "error": { code, message, details? } }` with its status and headers."""
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


def validation_error(exc: RequestValidationError) -> AppError:
    """One `details` entry per failing field; the location prefix is FastAPI's own (body, path, query)."""
    errors = exc.errors()
    if any(error["type"] == "json_invalid" for error in errors):
        return AppError("bad_request", "Malformed JSON in request body")
    # Bounded, as the document says (maxItems): a body of 10 000 unknown keys gets 100 lines.
    details = [
        {"path": ".".join(str(part) for part in error["loc"]), "message": error["msg"]}
        for error in errors[:100]
    ]
    return AppError("validation_failed", "The request is invalid", details=details)


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """The methods of every route whose path matches, in registration order, plus HEAD after GET."""
    methods: list[str] = []
    for route in iter_route_contexts(app.routes):
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods += [m for m in sorted(route.methods or ()) if m != "HEAD" and m not in methods]
    return [*methods, "HEAD"] if "GET" in methods else methods


# #region error-handlers
def install_error_handlers(app: FastAPI) -> None:
    """Documented errors go out as they are; routing and validation errors take the same shape.
    Anything else reaches `RequestContextMiddleware`, which logs it in full and answers a generic 500.
    """

    @app.exception_handler(AppError)
    async def on_app_error(request: Request, exc: AppError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(validation_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        method, path = request.method, request.url.path
        if exc.status_code == 404:
            return error_response(AppError("not_found", f"No route for {method} {path}"))
        if exc.status_code == 405:
            # Starlette's Allow lists only the first matching route; ours lists every method.
            allow = ", ".join(allowed_methods(app, path))
            message = f"Method {method} is not allowed on {path}"
            return error_response(AppError("method_not_allowed", message, headers={"Allow": allow}))
        if exc.status_code == 413:  # a chunked body past the limit (RequestContextMiddleware)
            message = f"The request body exceeds {MAX_BODY_BYTES // 1024} KB"
            return error_response(AppError("payload_too_large", message))
        if exc.status_code < 500:
            return error_response(AppError("bad_request", str(exc.detail or "Bad request")))
        raise exc

    @app.exception_handler(DBAPIError)
    async def on_database_error(request: Request, exc: DBAPIError) -> JSONResponse:
        # SQLSTATE class 22 (data exception: a NUL byte, an out-of-range number) is the caller's
        # input, not our failure: a 400 that says so, without the SQL. Everything else is a 500.
        if getattr(exc.orig, "sqlstate", None) and str(exc.orig.sqlstate).startswith("22"):
            return error_response(
                AppError("bad_request", "The request contains a value the database cannot store")
            )
        raise exc


# #endregion error-handlers
