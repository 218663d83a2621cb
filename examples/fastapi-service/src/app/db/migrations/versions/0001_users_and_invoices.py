"""users and invoices: the same tables as hono-service's first migration

Revision ID: 0001
Revises:
Create Date: 2026-12-02 00:34:27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Generated with `alembic revision --autogenerate`, then reviewed: portable types only
    # (timestamptz on PostgreSQL, text on SQLite) and `now()` / CURRENT_TIMESTAMP defaults.
    op.create_table(
        "users",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email", name="users_email_unique"),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Text(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), server_default="draft", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.CheckConstraint("status in ('draft', 'open', 'paid', 'void')", name="invoices_status_valid"),
        sa.CheckConstraint("amount_cents > 0", name="invoices_amount_positive"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("invoices_user_id_created_at_idx", "invoices", ["user_id", "created_at"])


def downgrade() -> None:
    op.drop_index("invoices_user_id_created_at_idx", table_name="invoices")
    op.drop_table("invoices")
    op.drop_table("users")
