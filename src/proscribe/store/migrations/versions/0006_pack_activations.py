"""Pack revisions activated: who, when, why, and the files they decide with.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pack_activations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("activated_at", sa.String(40), nullable=False),
        sa.Column("activated_by", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("files", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_pack_activations_pack", "pack_activations", ["pack_id", "id"])


def downgrade() -> None:
    op.drop_table("pack_activations")
