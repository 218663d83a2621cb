import pytest

from app.settings import Settings, SettingsError, async_database_url, load_settings


def test_defaults_match_hono_service_where_they_mean_the_same():
    settings = load_settings({})
    assert (
        settings.JWKS_URL is not None
        and str(settings.JWKS_URL) == "http://localhost:8788/.well-known/jwks.json"
    )
    assert settings.JWT_ISSUER == "http://localhost:8788"
    assert (settings.RATE_LIMIT_READ_PER_MINUTE, settings.RATE_LIMIT_WRITE_PER_MINUTE) == (300, 30)
    assert settings.SHUTDOWN_TIMEOUT_MS == 10_000
    assert settings.LOG_LEVEL == "info"
    # Each service names its own audience; JWT_AUDIENCE=hono-service accepts the dev IdP's default tokens.
    assert settings.JWT_AUDIENCE == "fastapi-service"
    assert async_database_url(settings) == "sqlite+aiosqlite:///.data/fastapi-service.sqlite3"


def test_idp_port_moves_the_jwks_and_issuer_defaults():
    settings = load_settings({"IDP_PORT": "9999"})
    assert str(settings.JWKS_URL) == "http://localhost:9999/.well-known/jwks.json"
    assert settings.JWT_ISSUER == "http://localhost:9999"


def test_empty_values_count_as_unset():
    assert load_settings({"PORT": "", "DATABASE_URL": ""}).PORT == 8000


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+asyncpg"])
def test_postgres_urls_in_any_spelling_map_to_asyncpg(scheme):
    settings = load_settings({"DATABASE_URL": f"{scheme}://handbook:secret@db:5432/handbook"})
    assert async_database_url(settings) == "postgresql+asyncpg://handbook:secret@db:5432/handbook"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "not-a-port"),
        ("PORT", "70000"),
        ("DATABASE_URL", "mysql://db/handbook"),
        ("JWKS_URL", "ftp://nope"),
        ("REDIS_URL", "http://redis"),
        ("RATE_LIMIT_READ_PER_MINUTE", "0"),
        ("RATE_LIMIT_WRITE_PER_MINUTE", "-1"),
        ("SHUTDOWN_TIMEOUT_MS", "soon"),
        ("LOG_LEVEL", "loud"),
        ("RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", "0"),
    ],
)
def test_an_invalid_value_is_reported_with_its_variable_name(name, value):
    with pytest.raises(SettingsError) as raised:
        load_settings({name: value})
    assert f"  {name}: " in str(raised.value)


def test_cors_origins_are_a_comma_separated_list_of_origins():
    settings = load_settings({"CORS_ORIGINS": "https://app.example.com, http://localhost:3000"})
    assert settings.CORS_ORIGINS == ["https://app.example.com", "http://localhost:3000"]
    assert load_settings({}).CORS_ORIGINS == []
    for bad in ("https://app.example.com/path", "ftp://files.example.com", "app.example.com"):
        with pytest.raises(SettingsError, match="CORS_ORIGINS"):
            load_settings({"CORS_ORIGINS": bad})


def test_every_invalid_variable_is_named_at_once():
    with pytest.raises(SettingsError) as raised:
        load_settings({"PORT": "x", "JWKS_URL": "ftp://nope"})
    message = str(raised.value)
    assert message.startswith("Invalid environment:") and "PORT" in message and "JWKS_URL" in message


def test_reads_the_process_environment(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_READ_PER_MINUTE", "7")
    monkeypatch.setenv("CORS_ORIGINS", "https://app.example.com,https://admin.example.com")
    settings = Settings()
    assert settings.RATE_LIMIT_READ_PER_MINUTE == 7
    assert settings.CORS_ORIGINS == ["https://app.example.com", "https://admin.example.com"]
