"""The review queue: claims with an expiry, and when a decided review had been claimed.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_claims",
        sa.Column("listing_id", sa.Text, primary_key=True),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("claimed_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_review_claims_reviewer", "review_claims", ["reviewer"])
    with op.batch_alter_table("reviews") as batch:
        batch.add_column(sa.Column("claimed_at", sa.String(40)))


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_column("claimed_at")
    op.drop_table("review_claims")
