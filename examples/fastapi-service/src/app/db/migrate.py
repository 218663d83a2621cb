"""Run the committed Alembic migrations from inside the service, before it takes traffic."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number: every replica and worker takes the same PostgreSQL advisory lock.
MIGRATION_LOCK_ID = 72_013_013


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # Workers start together: one migrates, the others wait, then find nothing to do.
        connection.execute(text("select pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
    command.upgrade(alembic_config(connection), "head")


async def migrate(engine: AsyncEngine) -> None:
    """Upgrade the database to the newest migration, in one transaction."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
