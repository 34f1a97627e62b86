"""整改台账: one rectification item per violation of a recorded check.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rectifications",
        sa.Column("check_id", sa.Integer, sa.ForeignKey("checks.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("finding_id", sa.String(40), primary_key=True),
        sa.Column("case_id", sa.Text, nullable=False),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("clauses", sa.JSON, nullable=False),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("unit", sa.Text, nullable=True),
        sa.Column("person", sa.Text, nullable=True),
        sa.Column("due", sa.Date, nullable=True),
        sa.Column("due_note", sa.Text, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verified_by", sa.Integer, sa.ForeignKey("checks.id"), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("rectifications")
