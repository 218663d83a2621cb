"""One JSON object per line on stdout, in the shape hono-service's pino logger writes."""

import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import IO, Any

#: pino's numeric levels, so one log pipeline reads both services' lines the same way.
PINO_LEVELS = {
    logging.DEBUG: 20,
    logging.INFO: 30,
    logging.WARNING: 40,
    logging.ERROR: 50,
    logging.CRITICAL: 60,
}
#: LOG_LEVEL values (pino's names, as in hono-service) to Python logging levels.
LEVELS = {
    "trace": logging.DEBUG,
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "error": logging.ERROR,
    "fatal": logging.CRITICAL,
    "silent": logging.CRITICAL + 10,
}
# Attributes every LogRecord has; anything else was passed with `extra=` and goes in the line.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """`{"level":30,"time":"…","service":"fastapi-service",…fields,"msg":"request"}`."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "level": PINO_LEVELS.get(record.levelno, 30),
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "service": self.service,
        }
        line.update({k: v for k, v in vars(record).items() if k not in _STANDARD})
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            # The full error goes to the log (never to the client): type, message, stack, cause.
            line["err"] = {
                "type": type(error).__name__,
                "message": str(error),
                "stack": "".join(traceback.format_exception(error)),
            }
        line["msg"] = record.getMessage()
        return json.dumps(line, default=str, separators=(",", ":"))


def configure_logging(level: str = "info", stream: IO[str] | None = None) -> logging.Logger:
    """The service logger `app`, writing JSON lines to `stream` (stdout by default)."""
    logger = logging.getLogger("app")
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter("fastapi-service"))
    logger.handlers = [handler]
    logger.setLevel(LEVELS[level])
    logger.propagate = False
    # Our request line replaces uvicorn's access log: one line per request, not two.
    logging.getLogger("uvicorn.access").disabled = True
    return logger
