"""Scans and their verdicts.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("catalogue", sa.Text, nullable=False),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("pack_digest", sa.String(64), nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("jurisdiction", sa.String(8)),
        sa.Column("scanned", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rejected", sa.Integer, nullable=False, server_default="0"),
        sa.Column("blocked", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reviewed", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "verdicts",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer, "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column(
            "scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("listing_id", sa.Text, nullable=False),
        sa.Column("seller_id", sa.Text),
        sa.Column("category", sa.Text),
        sa.Column("decision", sa.String(8), nullable=False),
        sa.Column("classes", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_index("ix_verdicts_listing", "verdicts", ["listing_id"])
    op.create_index("ix_verdicts_seller", "verdicts", ["seller_id"])
    op.create_index("ix_verdicts_scan_decision", "verdicts", ["scan_id", "decision"])


def downgrade() -> None:
    op.drop_table("verdicts")
    op.drop_table("scans")
