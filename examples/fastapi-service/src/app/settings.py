"""The service's configuration: the same variables as hono-service, parsed once at start."""

from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AnyUrl, Field, UrlConstraints, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

#: Port of hono-service's dev identity provider (`npm run idp` there) when IDP_PORT is unset.
DEV_IDP_PORT = 8788

Port = Annotated[int, Field(ge=1, le=65535)]
PostgresUrl = Annotated[
    AnyUrl,
    UrlConstraints(allowed_schemes=["postgres", "postgresql", "postgresql+asyncpg"]),
]
HttpUrl = Annotated[AnyUrl, UrlConstraints(allowed_schemes=["http", "https"])]
RedisUrl = Annotated[AnyUrl, UrlConstraints(allowed_schemes=["redis", "rediss"])]


# #region settings
class Settings(BaseSettings):
    """Read from the environment at start; an invalid value stops the process (see `load_settings`)."""

    # Empty strings count as unset, so `PORT=` in a shell falls back to the default.
    model_config = SettingsConfigDict(env_ignore_empty=True, case_sensitive=True, extra="ignore")

    # `fastapi run` reads PORT itself (its --port option wins); validated here so a bad value
    # is reported the same way as every other variable.
    PORT: Port = 8000
    LOG_LEVEL: Literal["fatal", "error", "warn", "info", "debug", "trace", "silent"] = "info"
    # No DATABASE_URL means SQLite in a local file: the example runs with zero setup.
    DATABASE_URL: PostgresUrl | None = None
    SQLITE_PATH: str = Field(".data/fastapi-service.sqlite3", min_length=1)
    # Unset JWKS_URL and JWT_ISSUER point at hono-service's dev IdP on IDP_PORT.
    IDP_PORT: Port = DEV_IDP_PORT
    JWKS_URL: HttpUrl | None = None
    JWT_ISSUER: str | None = Field(None, min_length=1)
    JWT_AUDIENCE: str = Field("fastapi-service", min_length=1)
    # Rate-limit buckets live in Redis when set (shared by replicas), in memory otherwise.
    REDIS_URL: RedisUrl | None = None
    RATE_LIMIT_READ_PER_MINUTE: int = Field(300, gt=0)
    RATE_LIMIT_WRITE_PER_MINUTE: int = Field(30, gt=0)
    # Failed authentications per minute per client address (guessing); beyond, 429.
    RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: int = Field(60, gt=0)
    SHUTDOWN_TIMEOUT_MS: int = Field(10_000, gt=0)
    # Browser origins allowed to read answers (CORS), comma-separated; none by default.
    CORS_ORIGINS: Annotated[list[str], NoDecode] = []

    @field_validator("CORS_ORIGINS", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        origins = [origin.strip() for origin in value.split(",") if origin.strip()]
        for origin in origins:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
                raise ValueError(f"Give origins only, such as https://app.example.com (no path): {origin!r}")
        return origins

    @model_validator(mode="after")
    def _dev_idp_defaults(self) -> "Settings":
        if self.JWKS_URL is None:
            self.JWKS_URL = AnyUrl(f"http://localhost:{self.IDP_PORT}/.well-known/jwks.json")
        if self.JWT_ISSUER is None:
            self.JWT_ISSUER = f"http://localhost:{self.IDP_PORT}"
        return self


# #endregion settings


class _MappingSettings(Settings):
    """`Settings` read from a given mapping only (tests, tools), never from the process environment."""

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, **sources):
        return (init_settings,)


class SettingsError(Exception):
    """Raised by `load_settings`; its message names every invalid variable and is safe to print."""


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Parse `os.environ` (or `environ`) into `Settings`, or raise `SettingsError` naming the variables."""
    try:
        if environ is None:
            return Settings()
        # Same rules as the environment: empty means unset, unknown names are ignored.
        return _MappingSettings(**{k: v for k, v in environ.items() if v != ""})
    except ValidationError as error:
        lines = [f"  {'.'.join(map(str, e['loc'])) or 'environment'}: {e['msg']}" for e in error.errors()]
        raise SettingsError("Invalid environment:\n" + "\n".join(lines)) from None


def async_database_url(settings: Settings) -> str:
    """SQLAlchemy's async URL: asyncpg for PostgreSQL (`postgres://…`, hono-service's spelling,
    is accepted too), else aiosqlite on SQLITE_PATH."""
    if settings.DATABASE_URL is None:
        return f"sqlite+aiosqlite:///{settings.SQLITE_PATH}"
    url = str(settings.DATABASE_URL)
    return "postgresql+asyncpg://" + url.split("://", 1)[1]
