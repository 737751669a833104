"""Account states recorded by access sweeps.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_states",
        sa.Column("account_id", sa.Text, primary_key=True),
        sa.Column("pack_id", sa.String(80), primary_key=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("effects", sa.Text, nullable=False),
        sa.Column("since", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("account_states")
