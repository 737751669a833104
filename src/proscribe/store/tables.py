"""Table definitions (SQLAlchemy Core). Changes go through a new Alembic migration."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

scans = sa.Table(
    "scans",
    metadata,
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

verdicts = sa.Table(
    "verdicts",
    metadata,
    sa.Column(
        "id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("scan_id", sa.Integer, sa.ForeignKey("scans.id", ondelete="CASCADE"), nullable=False),
    sa.Column("listing_id", sa.Text, nullable=False),
    sa.Column("seller_id", sa.Text),
    sa.Column("category", sa.Text),
    sa.Column("decision", sa.String(8), nullable=False),
    sa.Column("classes", sa.Text, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
    sa.Index("ix_verdicts_listing", "listing_id"),
    sa.Index("ix_verdicts_seller", "seller_id"),
    sa.Index("ix_verdicts_scan_decision", "scan_id", "decision"),
)
