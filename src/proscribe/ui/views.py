"""Read models for the review UI's dashboard and appeals page."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.enforce.sla import sla_figures
from proscribe.report.charts import stacked_bars
from proscribe.store.tables import appeals, listings, strikes


def dashboard(engine: sa.Engine, today: dt.date) -> dict[str, Any]:
    """Flagged listings per day and class, sellers by strikes, the backlog and SLA figures."""
    per_day: Counter[tuple[str, str]] = Counter()
    with engine.connect() as conn:
        for row in conn.execute(sa.select(listings.c.updated_on, listings.c.verdict)):
            for cls in orjson.loads(row.verdict)["classes"] or ["none"]:
                per_day[(row.updated_on.isoformat(), cls)] += 1
        top = conn.execute(
            sa.select(strikes.c.seller_id, sa.func.count().label("n"))
            .where(strikes.c.revoked_on.is_(None))
            .group_by(strikes.c.seller_id)
            .order_by(sa.desc("n"), strikes.c.seller_id)
            .limit(10)
        ).all()
    sla = sla_figures(engine, today)
    return {
        "per_day": per_day,
        "top_sellers": [(r.seller_id, int(r.n)) for r in top],
        "backlog": sla["waiting"],
        "oldest_days": sla["oldest"],
        "ages": sla["ages"],
        "sla": sla,
    }


def charts(data: dict[str, Any]) -> dict[str, str]:
    """The dashboard's charts as SVG: one colour per class, integer axes."""
    days = sorted({d for d, _ in data["per_day"]})[-14:]
    classes = sorted({c for _, c in data["per_day"]})
    ages = sorted(data["ages"])
    return {
        "per_day": stacked_bars(
            "Listings per day and class (last 14 days)",
            days,
            {c: [data["per_day"][(d, c)] for d in days] for c in classes},
        ),
        "sellers": stacked_bars(
            "Top sellers by active strikes",
            [s for s, _ in data["top_sellers"]],
            {"active strikes": [n for _, n in data["top_sellers"]]},
        ),
        "ages": stacked_bars(
            "Review backlog by days waiting (30 = 30 or more)",
            [f"{a} day{'s' if a != 1 else ''}" for a in ages],
            {"waiting": [data["ages"][a] for a in ages]},
        ),
    }


def appeal_list(engine: sa.Engine) -> list[dict[str, Any]]:
    query = sa.select(appeals).order_by(
        sa.case((appeals.c.status == "open", 0), else_=1), appeals.c.id.desc()
    )
    with engine.connect() as conn:
        return [{str(k): v for k, v in r._mapping.items()} for r in conn.execute(query)]
