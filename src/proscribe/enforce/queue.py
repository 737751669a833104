"""The review queue by priority: what a reviewer should look at next, and why.

``priority = severity + evasion + standing + urgency`` (0–125 points), highest first; ties go
to the item waiting longest, then to the listing id compared as a natural key (``L2`` before
``L10``):

* **severity** (0–40): the verdict's score × 40, rounded;
* **evasion** (0 or 20): the verdict saw an evasion signal (obfuscation, relisting …);
* **standing** (0–20): 5 points per step of the seller's standing on the penalty ladder;
* **urgency** (0–45): 30 × days waiting ÷ the review deadline (``SLA_DAYS``), capped at 1.5
  deadlines: an item at its deadline gains 30 points, an overdue one up to 45.
"""

from __future__ import annotations

import datetime as dt
import gc
import heapq
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.enforce.standing import STANDINGS
from proscribe.store.tables import listing_texts, listings, review_claims, reviews, sellers

#: The review deadline: an item waiting longer is overdue.
SLA_DAYS = 2
SEVERITY, EVASION, STEP, STANDING_CAP, URGENCY, URGENCY_CAP = 40, 20, 5, 20, 30, 1.5
_DIGITS = re.compile(r"(\d+)")
PARTS = ("severity", "evasion", "standing", "urgency")
_STANDING_POINTS = {s: min(STEP * i, STANDING_CAP) for i, s in enumerate(STANDINGS)}


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What a reviewer narrowed the queue to; every field optional."""

    class_id: str | None = None
    lang: str | None = None
    seller: str | None = None
    search: str | None = None  # in the listing id, seller id, title or description
    min_age: int | None = None  # days waiting, at least
    older_than: dt.date | None = None  # waiting since this date or earlier


def natural_key(text: str) -> list[Any]:
    """``"L10"`` → ``["L", 10, ""]``: digits compare as numbers, the rest as text."""
    return [int(p) if i % 2 else p for i, p in enumerate(_DIGITS.split(text))]


def priority(verdict: dict[str, Any], standing: str | None, waited: int) -> dict[str, int]:
    """The points of each part, and their ``total``."""
    parts = dict(zip(PARTS, _parts(verdict, standing, waited), strict=True))
    return {**parts, "total": sum(parts.values())}


def _parts(verdict: dict[str, Any], standing: str | None, waited: int) -> tuple[int, ...]:
    score = min(max(float(verdict.get("score") or 0), 0.0), 1.0)
    return (
        round(SEVERITY * score),
        EVASION if verdict.get("evasion") else 0,
        _STANDING_POINTS.get(standing or "good", 0),
        round(URGENCY * min(max(waited, 0) / SLA_DAYS, URGENCY_CAP)),
    )


def prioritised(
    engine: sa.Engine, today: dt.date, where: QueueFilter | None = None, *, limit: int = 100
) -> tuple[list[dict[str, Any]], int]:
    """The queue's first ``limit`` items by priority, and how many match in all. Only the
    items shown are built in full, and only those tied with them get a natural key."""
    where = where or QueueFilter()
    ranked = []
    with engine.connect() as conn, _paused_gc():
        for row in conn.execute(_query(where, today, full=False)):
            verdict = orjson.loads(row.verdict)
            if where.class_id and where.class_id not in verdict["classes"]:
                continue
            total = sum(_parts(verdict, row.standing, (today - row.updated_on).days))
            ranked.append((-total, row.updated_on, row.listing_id))
        bound = heapq.nsmallest(limit, ((r[0], r[1]) for r in ranked))
        near = [r for r in ranked if bound and (r[0], r[1]) <= bound[-1]]
        near.sort(key=lambda r: (r[0], r[1], natural_key(r[2])))
        shown = [r[2] for r in near[:limit]]
        rows = {
            row.listing_id: row
            for start in range(0, len(shown), 500)
            for row in conn.execute(
                _query(QueueFilter(), today).where(
                    listings.c.listing_id.in_(shown[start : start + 500])
                )
            )
        }
    now = time.time()
    items = [_item(rows[i], orjson.loads(rows[i].verdict), today, now) for i in shown]
    return items, len(ranked)


def backlog(engine: sa.Engine, today: dt.date) -> list[tuple[list[str], int]]:
    """Every waiting item's classes and days waited (for the SLA figures)."""
    with engine.connect() as conn, _paused_gc():
        return [
            (orjson.loads(row.verdict)["classes"], (today - row.updated_on).days)
            for row in conn.execute(_query(QueueFilter(), today, full=False))
        ]


@contextmanager
def _paused_gc() -> Iterator[None]:
    """The cycle collector paused while 100,000 rows become tuples (it would otherwise scan
    the growing list again and again: half the time of a large queue). Nothing here makes
    cycles, so nothing is left for it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _query(where: QueueFilter, today: dt.date, *, full: bool = True) -> sa.Select[Any]:
    """The waiting items matching ``where``; ``full=False``: only what ranking needs (the
    text joined only when a filter reads it)."""
    decided = sa.select(reviews.c.listing_id)
    columns: list[Any] = [
        listings.c.listing_id,
        listings.c.verdict,
        listings.c.updated_on,
        sellers.c.standing,
    ]
    texts = full or bool(where.lang or where.search)
    if full:
        columns += [
            listings.c.seller_id,
            listing_texts.c.title,
            listing_texts.c.lang,
            review_claims.c.reviewer.label("claimed_by"),
            review_claims.c.expires_at,
        ]
    joined = listings.outerjoin(sellers, sellers.c.seller_id == listings.c.seller_id)
    if texts:
        joined = joined.outerjoin(
            listing_texts, listing_texts.c.listing_id == listings.c.listing_id
        )
    if full:
        joined = joined.outerjoin(
            review_claims, review_claims.c.listing_id == listings.c.listing_id
        )
    query = (
        sa.select(*columns)
        .select_from(joined)
        .where(
            listings.c.last_decision == "review",
            listings.c.status == "live",
            listings.c.listing_id.not_in(decided),
        )
    )
    if where.seller:
        query = query.where(listings.c.seller_id == where.seller)
    if where.lang:
        query = query.where(listing_texts.c.lang == where.lang)
    if where.older_than:
        query = query.where(listings.c.updated_on <= where.older_than)
    if where.min_age:
        query = query.where(listings.c.updated_on <= today - dt.timedelta(days=where.min_age))
    if where.search:
        needle = f"%{_like(where.search.lower())}%"
        searched = (
            listings.c.listing_id,
            listings.c.seller_id,
            listing_texts.c.title,
            listing_texts.c.description,
        )
        query = query.where(sa.or_(*(sa.func.lower(c).like(needle, escape="\\") for c in searched)))
    return query


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _item(row: Any, verdict: dict[str, Any], today: dt.date, now: float) -> dict[str, Any]:
    waited = (today - row.updated_on).days
    claimed = row.claimed_by if row.expires_at and row.expires_at > now else None
    return {
        "listing_id": row.listing_id,
        "seller_id": row.seller_id,
        "title": row.title,
        "lang": row.lang,
        "classes": verdict["classes"],
        "score": verdict["score"],
        "reason": verdict["reason"],
        "evasion": [e.get("signal") for e in verdict.get("evasion") or []],
        "standing": row.standing or "good",
        "since": row.updated_on.isoformat(),
        "waited": waited,
        "overdue": waited > SLA_DAYS,
        "claimed_by": claimed,
        "priority": priority(verdict, row.standing, waited),
    }
