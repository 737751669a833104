"""Claims on review items: one reviewer works a listing at a time.

A claim lasts ``CLAIM_SECONDS`` (renewed by claiming again); an expired claim is anyone's.
Taking a claim is one atomic statement (an INSERT, or an UPDATE guarded by "expired or
mine"), so two reviewers asking at the same moment never both get it, on SQLite or PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import sqlalchemy as sa

from proscribe.enforce.queue import QueueFilter, prioritised
from proscribe.errors import Diagnostic, LedgerError
from proscribe.store.tables import review_claims, reviews

CLAIM_SECONDS = 15 * 60


def claimed_elsewhere(listing_id: str, holder: str) -> LedgerError:
    return LedgerError(
        Diagnostic(
            "PSC-E020",
            f"listing '{listing_id}' is claimed by reviewer '{holder}'",
            None,
            f"take another item, or wait until the claim expires ({CLAIM_SECONDS // 60} min)",
        )
    )


def claim(
    engine: sa.Engine, listing_id: str, reviewer: str, *, seconds: int = CLAIM_SECONDS
) -> float:
    """Claim ``listing_id`` for ``reviewer`` (or renew their claim); its expiry (Unix time).
    Raises PSC-E020 when another reviewer holds an unexpired claim, PSC-E008 when decided."""
    now = time.time()
    expires = now + seconds
    values = {
        "reviewer": reviewer,
        "claimed_at": dt.datetime.fromtimestamp(now, dt.UTC).isoformat(),
        "expires_at": expires,
    }
    with engine.connect() as conn:
        if conn.execute(sa.select(reviews.c.id).where(reviews.c.listing_id == listing_id)).first():
            raise LedgerError(
                Diagnostic(
                    "PSC-E008",
                    f"listing '{listing_id}' was already reviewed",
                    None,
                    "take the next item in the queue",
                )
            )
    try:
        with engine.begin() as conn:
            conn.execute(review_claims.insert().values(listing_id=listing_id, **values))
        return expires
    except sa.exc.IntegrityError:
        pass  # someone holds (or held) it: take it over only if expired or already ours
    with engine.begin() as conn:
        taken = conn.execute(
            review_claims.update()
            .where(
                review_claims.c.listing_id == listing_id,
                sa.or_(review_claims.c.expires_at <= now, review_claims.c.reviewer == reviewer),
            )
            .values(**values)
        ).rowcount
        if taken != 1:
            raise claimed_elsewhere(listing_id, holder(conn, listing_id) or "?")
    return expires


def release(engine: sa.Engine, listing_id: str, reviewer: str) -> bool:
    """Drop ``reviewer``'s claim on ``listing_id``; whether there was one."""
    with engine.begin() as conn:
        gone = conn.execute(
            review_claims.delete().where(
                review_claims.c.listing_id == listing_id, review_claims.c.reviewer == reviewer
            )
        ).rowcount
    return bool(gone)


def holder(conn: sa.Connection, listing_id: str, now: float | None = None) -> str | None:
    """Who holds an unexpired claim on ``listing_id``, if anyone."""
    row = conn.execute(
        sa.select(review_claims.c.reviewer, review_claims.c.expires_at).where(
            review_claims.c.listing_id == listing_id
        )
    ).first()
    if row is None or row.expires_at <= (now or time.time()):
        return None
    return str(row.reviewer)


def claim_next(
    engine: sa.Engine, reviewer: str, today: dt.date, where: QueueFilter | None = None
) -> dict[str, Any] | None:
    """Claim the highest-priority item no one else holds (the reviewer's own claim first)."""
    items, _ = prioritised(engine, today, where, limit=50)
    mine = [i for i in items if i["claimed_by"] == reviewer]
    for item in mine + [i for i in items if i["claimed_by"] is None]:
        try:
            claim(engine, item["listing_id"], reviewer)
        except LedgerError:
            continue  # taken between the read and the claim: try the next one
        return item
    return None


def mine(engine: sa.Engine, reviewer: str) -> list[str]:
    """The listings ``reviewer`` holds an unexpired claim on."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(review_claims.c.listing_id).where(
                review_claims.c.reviewer == reviewer, review_claims.c.expires_at > time.time()
            )
        )
        return [r.listing_id for r in rows]
