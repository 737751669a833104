"""Read models for the review UI's dashboard and appeals page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.enforce.reviews import review_queue
from proscribe.store.tables import appeals, listings, strikes


def dashboard(engine: sa.Engine, today: dt.date) -> dict[str, Any]:
    per_day: Counter[tuple[str, str]] = Counter()
    with engine.connect() as conn:
        for row in conn.execute(sa.select(listings.c.updated_on, listings.c.verdict)):
            for cls in orjson.loads(row.verdict)["classes"] or ["none"]:
                per_day[(row.updated_on.isoformat(), cls)] += 1
        top = conn.execute(
            sa.select(strikes.c.seller_id, sa.func.count().label("n"))
            .where(strikes.c.revoked_on.is_(None))
            .group_by(strikes.c.seller_id)
            .order_by(sa.desc("n"))
            .limit(10)
        ).all()
    backlog = review_queue(engine, limit=10_000)
    ages = [(today - dt.date.fromisoformat(item["since"])).days for item in backlog]
    return {
        "per_day": per_day,
        "top_sellers": [(r.seller_id, int(r.n)) for r in top],
        "backlog": len(backlog),
        "oldest_days": max(ages, default=0),
        "ages": Counter(min(a, 30) for a in ages),
    }


def appeal_list(engine: sa.Engine) -> list[dict[str, Any]]:
    query = sa.select(appeals).order_by(
        sa.case((appeals.c.status == "open", 0), else_=1), appeals.c.id.desc()
    )
    with engine.connect() as conn:
        return [{str(k): v for k, v in r._mapping.items()} for r in conn.execute(query)]
