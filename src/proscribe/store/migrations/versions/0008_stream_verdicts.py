"""Verdicts of the stream worker, one per event (a replayed event inserts nothing).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stream_verdicts",
        sa.Column("stream", sa.String(200), primary_key=True),
        sa.Column("event_id", sa.String(40), primary_key=True),
        sa.Column("listing_id", sa.Text, nullable=False),
        sa.Column("consumer", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.String(40), nullable=False),
        sa.Column("decision", sa.String(8), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_stream_verdicts_listing", "stream_verdicts", ["listing_id"])


def downgrade() -> None:
    op.drop_table("stream_verdicts")
