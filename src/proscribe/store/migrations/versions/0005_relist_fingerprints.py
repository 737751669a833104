"""Removed listings' MinHash signatures, so that a near-duplicate is seen as relisted.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "removed_fingerprints",
        sa.Column("listing_id", sa.Text, primary_key=True),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("seller_id", sa.Text),
        sa.Column("classes", sa.Text, nullable=False),
        sa.Column("removed_on", sa.Date, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_removed_fingerprints_pack", "removed_fingerprints", ["pack_id"])


def downgrade() -> None:
    op.drop_table("removed_fingerprints")
