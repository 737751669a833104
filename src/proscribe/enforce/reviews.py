"""The review queue: listings the engine sent to review, decided by people.

A reviewer's decision is recorded (``reviews``) with an audit event; *block* applies the
pack's enforcement as a blocked verdict would (removal, strike, standing). Decisions export
as labelled listings for ``proscribe train``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.audit import AuditEvent
from proscribe.enforce.actions import Action, Changes
from proscribe.enforce.appeals import unknown_listing
from proscribe.enforce.claims import claimed_elsewhere
from proscribe.enforce.ledger import Ledger
from proscribe.errors import Diagnostic, LedgerError
from proscribe.store.tables import listing_texts, listings, review_claims, reviews


def decide_review(
    ledger: Ledger, listing_id: str, *, decision: str, note: str, reviewer: str, as_of: dt.date
) -> Changes:
    """Record a reviewer's allow or block; block removes and strikes through the ledger."""
    with ledger.engine.connect() as conn, conn.begin():
        ledger.audit.append(conn, [])
        row = conn.execute(
            sa.select(listings.c.verdict, listings.c.last_decision).where(
                listings.c.listing_id == listing_id
            )
        ).first()
        if row is None:
            raise unknown_listing(listing_id)
        if conn.execute(sa.select(reviews.c.id).where(reviews.c.listing_id == listing_id)).first():
            raise LedgerError(
                Diagnostic(
                    "PSC-E008",
                    f"listing '{listing_id}' was already reviewed",
                    None,
                    "a listing is reviewed once; appeals reopen it",
                )
            )
        claimed_at = _take_claim(conn, listing_id, reviewer)
        verdict = orjson.loads(row.verdict)
        conn.execute(
            reviews.insert().values(
                listing_id=listing_id,
                decision=decision,
                classes=",".join(verdict["classes"]),
                note=note,
                reviewer=reviewer,
                decided_at=dt.datetime.now(dt.UTC).isoformat(),
                claimed_at=claimed_at,
            )
        )
        changes = Changes()
        changes.add(
            Action(f"review-{decision}", f"listing:{listing_id}", note),
            AuditEvent(
                "review",
                f"listing:{listing_id}",
                reviewer,
                {"decision": decision, "note": note, "classes": verdict["classes"]},
                verdict["pack"],
                verdict["revision"],
            ),
        )
        ledger.audit.append(conn, changes.events)
        if decision == "block":
            changes.extend(ledger.apply(conn, [_blocked(ledger, verdict, reviewer, note, as_of)]))
    return changes


def _take_claim(conn: sa.Connection, listing_id: str, reviewer: str) -> str | None:
    """Refuse a listing another reviewer holds (PSC-E020); drop the claim; when it was
    claimed by this reviewer (for handling times), else None."""
    row = conn.execute(
        sa.select(review_claims).where(review_claims.c.listing_id == listing_id)
    ).first()
    if row is None:
        return None
    if row.reviewer != reviewer and row.expires_at > time.time():
        raise claimed_elsewhere(listing_id, row.reviewer)
    conn.execute(review_claims.delete().where(review_claims.c.listing_id == listing_id))
    return str(row.claimed_at) if row.reviewer == reviewer else None


def _blocked(
    ledger: Ledger, verdict: dict[str, Any], reviewer: str, note: str, as_of: dt.date
) -> dict[str, Any]:
    return {
        **verdict,
        "decision": "block",
        "as_of": as_of.isoformat(),
        "phase": ledger.pack.phase_at(as_of),
        "reason": f"Blocked by reviewer {reviewer}: {note}. Engine: {verdict['reason']}",
    }


def export_reviews(engine: sa.Engine) -> Iterator[dict[str, Any]]:
    """Reviewer decisions as labelled listings (the format of the DEV set), for training."""
    query = (
        sa.select(
            reviews,
            listing_texts.c.title,
            listing_texts.c.description,
            listing_texts.c.category,
            listing_texts.c.lang,
        )
        .outerjoin(listing_texts, listing_texts.c.listing_id == reviews.c.listing_id)
        .order_by(reviews.c.id)
    )
    with engine.connect() as conn:
        for row in conn.execute(query):
            if row.title is None:
                continue  # decided before its text was kept: nothing to learn from
            prohibited = row.decision == "block"
            yield {
                "id": row.listing_id,
                "source": "review",
                "lang": row.lang,
                "title": row.title,
                "description": row.description,
                "category": row.category,
                "price": None,
                "currency": None,
                "label": "prohibited" if prohibited else "allowed",
                "class": (row.classes.split(",")[0] or None) if prohibited else None,
                "how": "reviewed",
                "reviewer": row.reviewer,
                "note": row.note,
            }
