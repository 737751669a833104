"""Service-level figures of the review queue, per class queue and per reviewer.

* **waiting**: undecided items; **overdue**: those waiting more than ``SLA_DAYS`` days;
* **median handling time**: from a reviewer's claim to their decision (decisions made
  without a claim, e.g. through the API, have no handling time and are not counted in it).
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from collections import Counter, defaultdict
from typing import Any

import sqlalchemy as sa

from proscribe.enforce.queue import SLA_DAYS, backlog
from proscribe.store.tables import review_claims, reviews

ALL = "all classes"


def sla_figures(engine: sa.Engine, today: dt.date) -> dict[str, Any]:
    """``{"queues": [...], "reviewers": [...], "sla_days": n, "waiting": n, ...}``."""
    items = backlog(engine, today)
    total = len(items)
    ages: Counter[int] = Counter(min(waited, 30) for _, waited in items)
    queues: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"waiting": 0, "overdue": 0, "oldest": 0, "handling": []}
    )
    for classes, waited in items:
        for name in (ALL, *(classes or ["none"])):
            queue = queues[name]
            queue["waiting"] += 1
            queue["overdue"] += waited > SLA_DAYS
            queue["oldest"] = max(queue["oldest"], waited)
    people: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"decided": 0, "handling": [], "claims": 0}
    )
    with engine.connect() as conn:
        for row in conn.execute(sa.select(reviews)):
            seconds = _handling(row.claimed_at, row.decided_at)
            person = people[row.reviewer]
            person["decided"] += 1
            for name in (ALL, *(row.classes.split(",") if row.classes else ["none"])):
                if seconds is not None:
                    queues[name]["handling"].append(seconds)
            if seconds is not None:
                person["handling"].append(seconds)
        held = conn.execute(
            sa.select(review_claims.c.reviewer, sa.func.count().label("n"))
            .where(review_claims.c.expires_at > time.time())
            .group_by(review_claims.c.reviewer)
        )
        for row in held:
            people[row.reviewer]["claims"] = int(row.n)
    return {
        "sla_days": SLA_DAYS,
        "waiting": total,
        "overdue": queues[ALL]["overdue"] if total else 0,
        "oldest": queues[ALL]["oldest"] if total else 0,
        "ages": ages,
        "queues": [_row(name, q) for name, q in sorted(queues.items(), key=_queue_order)],
        "reviewers": [_row(name, p) for name, p in sorted(people.items())],
    }


def _queue_order(entry: tuple[str, dict[str, Any]]) -> tuple[int, int, str]:
    name, queue = entry
    return (name != ALL, -queue["waiting"], name)


def _row(name: str, figures: dict[str, Any]) -> dict[str, Any]:
    handling = figures.pop("handling")
    median = statistics.median(handling) if handling else None
    return {"name": name, **figures, "median": duration(median)}


def _handling(claimed_at: str | None, decided_at: str) -> float | None:
    if not claimed_at:
        return None
    start, end = dt.datetime.fromisoformat(claimed_at), dt.datetime.fromisoformat(decided_at)
    return max((end - start).total_seconds(), 0.0)


def duration(seconds: float | None) -> str:
    """``42 s``, ``12 min``, ``3.5 h``; an en dash when unknown."""
    if seconds is None:
        return "–"
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
