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

# --- enforcement ledger (migration 0002) -------------------------------------------------

listings = sa.Table(
    "listings",
    metadata,
    sa.Column("listing_id", sa.Text, primary_key=True),
    sa.Column("seller_id", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),  # live | removed | reinstated
    sa.Column("last_decision", sa.String(8), nullable=False),
    sa.Column("verdict", sa.Text, nullable=False),  # the latest verdict record (JSON)
    sa.Column("updated_on", sa.Date, nullable=False),
    sa.Index("ix_listings_seller", "seller_id"),
)

removals = sa.Table(
    "removals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("listing_id", sa.Text, nullable=False),
    sa.Column("pack_id", sa.String(80), nullable=False),
    sa.Column("revision", sa.String(64), nullable=False),
    sa.Column("classes", sa.Text, nullable=False),
    sa.Column("removed_on", sa.Date, nullable=False),
    sa.Column("notice_only", sa.Boolean, nullable=False),  # removed in the grace period
    sa.Column("lifted_on", sa.Date),
    sa.Column("lifted_reason", sa.Text),
    sa.UniqueConstraint("listing_id", "pack_id", name="uq_removals_listing_pack"),
)

strikes = sa.Table(
    "strikes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("seller_id", sa.Text, nullable=False),
    sa.Column("listing_id", sa.Text, nullable=False),
    sa.Column("pack_id", sa.String(80), nullable=False),
    sa.Column("revision", sa.String(64), nullable=False),
    sa.Column("classes", sa.Text, nullable=False),
    sa.Column("issued_on", sa.Date, nullable=False),
    sa.Column("expires_on", sa.Date),
    sa.Column("evasion", sa.Text, nullable=False),  # comma-separated signals; "" when none
    sa.Column("revoked_on", sa.Date),
    sa.Column("revoked_reason", sa.Text),
    sa.UniqueConstraint("listing_id", "pack_id", name="uq_strikes_listing_pack"),
    sa.Index("ix_strikes_seller", "seller_id"),
)

sellers = sa.Table(
    "sellers",
    metadata,
    sa.Column("seller_id", sa.Text, primary_key=True),
    sa.Column("standing", sa.String(24), nullable=False),
    sa.Column("updated_on", sa.Date, nullable=False),
)

appeals = sa.Table(
    "appeals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("listing_id", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # open | upheld | overturned
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("decided_by", sa.Text),
    sa.Column("decided_at", sa.DateTime(timezone=True)),
    sa.Column("note", sa.Text),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
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
    sa.Index("ix_audit_subject", "subject"),
    sa.Index("ix_audit_at", "at"),
)

audit_head = sa.Table(
    "audit_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# --- account states from access sweeps (migration 0003) ----------------------------------

account_states = sa.Table(
    "account_states",
    metadata,
    sa.Column("account_id", sa.Text, primary_key=True),
    sa.Column("pack_id", sa.String(80), primary_key=True),
    sa.Column(
        "state", sa.String(16), nullable=False
    ),  # notified | restricted | retired | unaffected
    sa.Column("effects", sa.Text, nullable=False),  # JSON: action → effect
    sa.Column("since", sa.String(40), nullable=False),  # the sweep's as_of (ISO)
)

# --- the service: API keys, reviewer decisions, listing text (migration 0004) -------------

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),  # integrator | reviewer | admin
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),  # SHA-256 of the key
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40)),
)

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("listing_id", sa.Text, nullable=False),
    sa.Column("decision", sa.String(8), nullable=False),  # allow | block
    sa.Column("classes", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("decided_at", sa.String(40), nullable=False),
    sa.Column("claimed_at", sa.String(40)),  # when the reviewer claimed it (0010), for SLA
    sa.Index("ix_reviews_listing", "listing_id"),
)

listing_texts = sa.Table(
    "listing_texts",
    metadata,
    sa.Column("listing_id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("description", sa.Text),
    sa.Column("category", sa.Text),
    sa.Column("lang", sa.String(8), nullable=False),
)

# --- removed listings' MinHash signatures, for the `relisted` signal (migration 0005) ---------

removed_fingerprints = sa.Table(
    "removed_fingerprints",
    metadata,
    sa.Column("listing_id", sa.Text, primary_key=True),
    sa.Column("pack_id", sa.String(80), nullable=False),
    sa.Column("seller_id", sa.Text),
    sa.Column("classes", sa.Text, nullable=False),
    sa.Column("removed_on", sa.Date, nullable=False),
    sa.Column("signature", sa.LargeBinary, nullable=False),  # SIGNATURE_SIZE little-endian u32
    sa.Column("removed_at", sa.String(40)),  # ISO time (0007): a rescan matches earlier ones
)

# --- pack revisions activated, with the files they were decided under (migration 0006) ----

pack_activations = sa.Table(
    "pack_activations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("pack_id", sa.String(80), nullable=False),
    sa.Column("revision", sa.String(64), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    # live | staged | shadow | staged-ended | shadow-ended (see proscribe.deploy)
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("activated_at", sa.String(40), nullable=False),
    sa.Column("activated_by", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("files", sa.LargeBinary, nullable=False),  # the pack folder, zipped
    sa.Column("share", sa.Float),  # staged: the share of sellers it decides for (0-1)
    sa.Column("jurisdictions", sa.Text),  # staged: the countries it decides in, comma-separated
)

# --- shadow decisions and resumable rescans (migration 0007) ----------------------------------

shadow_decisions = sa.Table(
    "shadow_decisions",
    metadata,
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
    sa.Column("decided_at", sa.String(40), nullable=False),  # ISO 8601 UTC
    sa.Column("source", sa.String(16), nullable=False),  # enforce | service | rescan
    sa.Column("live_decision", sa.String(8), nullable=False),
    sa.Column("shadow_decision", sa.String(8), nullable=False),
    sa.Column("live_classes", sa.Text, nullable=False),
    sa.Column("shadow_classes", sa.Text, nullable=False),
    sa.Column("agree", sa.Boolean, nullable=False),  # same decision and classes
    sa.Column("live_reason", sa.Text),  # kept where they disagree
    sa.Column("shadow_reason", sa.Text),
    sa.Index("ix_shadow_pack_at", "pack_id", "decided_at"),
)

rescans = sa.Table(
    "rescans",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("pack_id", sa.String(80), nullable=False),
    sa.Column("revision", sa.String(64), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("as_of", sa.Date, nullable=False),
    sa.Column("started_at", sa.String(40), nullable=False),
    sa.Column("finished_at", sa.String(40)),
    sa.Column("position", sa.Text, nullable=False),  # the last listing id done ("" at start)
    sa.Column("counts", sa.Text, nullable=False),  # JSON: what it has done so far
)

# --- the stream worker's verdicts, one per event (migration 0008) ---------------------------

stream_verdicts = sa.Table(
    "stream_verdicts",
    metadata,
    sa.Column("stream", sa.String(200), primary_key=True),
    sa.Column("event_id", sa.String(40), primary_key=True),  # Redis stream id: "<ms>-<seq>"
    sa.Column("listing_id", sa.Text, nullable=False),
    sa.Column("consumer", sa.String(200), nullable=False),
    sa.Column("decided_at", sa.String(40), nullable=False),  # ISO 8601 UTC, when recorded
    sa.Column("decision", sa.String(8), nullable=False),
    sa.Column("record", sa.Text, nullable=False),  # the verdict record (JSON)
    sa.Index("ix_stream_verdicts_listing", "listing_id"),
)

# --- the service's guards (migration 0009) ---------------------------------------------------

rate_buckets = sa.Table(  # one token bucket per API key, shared by every worker
    "rate_buckets",
    metadata,
    sa.Column("bucket", sa.String(80), primary_key=True),  # "key:<api key id>"
    sa.Column("tokens", sa.Float, nullable=False),
    sa.Column("at", sa.Float, nullable=False),  # Unix time of the last refill
)

ui_sessions = sa.Table(  # review-UI sign-ins: the cookie holds an opaque id, stored hashed
    "ui_sessions",
    metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),  # SHA-256 of the session id
    sa.Column("key_id", sa.Integer, sa.ForeignKey("api_keys.id"), nullable=False),
    sa.Column("csrf", sa.String(64), nullable=False),  # the token every form carries
    sa.Column("created_at", sa.Float, nullable=False),  # Unix time
    sa.Column("expires_at", sa.Float, nullable=False),
    sa.Index("ix_ui_sessions_expires", "expires_at"),
)

# --- the review queue's claims (migration 0010) ----------------------------------------------

review_claims = sa.Table(  # one reviewer works a listing at a time, until the claim expires
    "review_claims",
    metadata,
    sa.Column("listing_id", sa.Text, primary_key=True),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("claimed_at", sa.String(40), nullable=False),  # ISO 8601 UTC
    sa.Column("expires_at", sa.Float, nullable=False),  # Unix time
    sa.Index("ix_review_claims_reviewer", "reviewer"),
)
