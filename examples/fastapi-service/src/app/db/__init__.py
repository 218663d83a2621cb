"""SQLAlchemy 2.0 async: tables, engine, and the Alembic migrations the service runs at start."""
