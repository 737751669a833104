"""Shadow and staged activations, shadow decisions, resumable rescans; when each removed
listing was fingerprinted (a rescan matches only listings removed before it started).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pack_activations") as batch:
        batch.add_column(sa.Column("share", sa.Float))
        batch.add_column(sa.Column("jurisdictions", sa.Text))
    with op.batch_alter_table("removed_fingerprints") as batch:
        batch.add_column(sa.Column("removed_at", sa.String(40)))
    op.create_table(
        "shadow_decisions",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer, "sqlite"),
            primary_key=True,
            autoincrement=True,
        ),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("live_revision", sa.String(64), nullable=False),
        sa.Column("shadow_revision", sa.String(64), nullable=False),
        sa.Column("listing_id", sa.Text, nullable=False),
        sa.Column("decided_at", sa.String(40), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("live_decision", sa.String(8), nullable=False),
        sa.Column("shadow_decision", sa.String(8), nullable=False),
        sa.Column("live_classes", sa.Text, nullable=False),
        sa.Column("shadow_classes", sa.Text, nullable=False),
        sa.Column("agree", sa.Boolean, nullable=False),
        sa.Column("live_reason", sa.Text),
        sa.Column("shadow_reason", sa.Text),
    )
    op.create_index("ix_shadow_pack_at", "shadow_decisions", ["pack_id", "decided_at"])
    op.create_table(
        "rescans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("finished_at", sa.String(40)),
        sa.Column("position", sa.Text, nullable=False),
        sa.Column("counts", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("rescans")
    op.drop_table("shadow_decisions")
    with op.batch_alter_table("removed_fingerprints") as batch:
        batch.drop_column("removed_at")
    with op.batch_alter_table("pack_activations") as batch:
        batch.drop_column("jurisdictions")
        batch.drop_column("share")
