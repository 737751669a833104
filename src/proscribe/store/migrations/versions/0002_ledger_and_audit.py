"""Enforcement ledger (listings, removals, strikes, sellers, appeals) and the audit log.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    op.create_table(
        "listings",
        sa.Column("listing_id", sa.Text, primary_key=True),
        sa.Column("seller_id", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("last_decision", sa.String(8), nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("updated_on", sa.Date, nullable=False),
    )
    op.create_index("ix_listings_seller", "listings", ["seller_id"])
    op.create_table(
        "removals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("listing_id", sa.Text, nullable=False),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("classes", sa.Text, nullable=False),
        sa.Column("removed_on", sa.Date, nullable=False),
        sa.Column("notice_only", sa.Boolean, nullable=False),
        sa.Column("lifted_on", sa.Date),
        sa.Column("lifted_reason", sa.Text),
        sa.UniqueConstraint("listing_id", "pack_id", name="uq_removals_listing_pack"),
    )
    op.create_table(
        "strikes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seller_id", sa.Text, nullable=False),
        sa.Column("listing_id", sa.Text, nullable=False),
        sa.Column("pack_id", sa.String(80), nullable=False),
        sa.Column("revision", sa.String(64), nullable=False),
        sa.Column("classes", sa.Text, nullable=False),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("expires_on", sa.Date),
        sa.Column("evasion", sa.Text, nullable=False),
        sa.Column("revoked_on", sa.Date),
        sa.Column("revoked_reason", sa.Text),
        sa.UniqueConstraint("listing_id", "pack_id", name="uq_strikes_listing_pack"),
    )
    op.create_index("ix_strikes_seller", "strikes", ["seller_id"])
    op.create_table(
        "sellers",
        sa.Column("seller_id", sa.Text, primary_key=True),
        sa.Column("standing", sa.String(24), nullable=False),
        sa.Column("updated_on", sa.Date, nullable=False),
    )
    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("listing_id", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Text),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "audit_events",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer, "sqlite"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),  # ISO 8601 UTC: hashed as written
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("pack_id", sa.String(80)),
        sa.Column("revision", sa.String(64)),
        sa.Column("input_digest", sa.String(64)),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_subject", "audit_events", ["subject"])
    op.create_index("ix_audit_at", "audit_events", ["at"])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS}])


def downgrade() -> None:
    for table in (
        "audit_head",
        "audit_events",
        "appeals",
        "sellers",
        "strikes",
        "removals",
        "listings",
    ):
        op.drop_table(table)
