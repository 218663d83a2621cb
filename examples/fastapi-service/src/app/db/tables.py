"""The service's own tables (the same as hono-service's): users keyed by the IdP's `sub`."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    TypeDecorator,
    UniqueConstraint,
    Uuid,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator):
    """`timestamptz` on PostgreSQL; on SQLite (which has no time zones) values are stored in UTC
    and come back marked UTC, so the API answers RFC 3339 with an offset on both databases."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("email", name="users_email_unique"),)

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    email: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    # Set by the application (the server default is for rows written by hand): SQLite's
    # CURRENT_TIMESTAMP has whole seconds only, and "newest first" needs finer than that.
    created_at: Mapped[datetime] = mapped_column(
        UtcDateTime, default=lambda: datetime.now(UTC), server_default=func.now()
    )


INVOICE_STATUSES = ("draft", "open", "paid", "void")


class InvoiceRow(Base):
    """Invoices belong to one user; every query filters by owner (see routers/invoices.py)."""

    __tablename__ = "invoices"
    __table_args__ = (
        # The list endpoint reads "my invoices, newest first": one index serves it.
        Index("invoices_user_id_created_at_idx", "user_id", "created_at"),
        CheckConstraint("amount_cents > 0", name="invoices_amount_positive"),
        CheckConstraint(f"status in {INVOICE_STATUSES}", name="invoices_status_valid"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[str] = mapped_column(Text, ForeignKey("users.id", ondelete="CASCADE"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text, default="draft", server_default="draft")
    created_at: Mapped[datetime] = mapped_column(
        UtcDateTime, default=lambda: datetime.now(UTC), server_default=func.now()
    )
