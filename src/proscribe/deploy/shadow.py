"""Shadow decisions: kept beside the live ones, compared by ``shadow_report``."""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from proscribe.deploy.decider import ShadowPair
from proscribe.store.tables import shadow_decisions

log = logging.getLogger(__name__)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def shadow_rows(pairs: Sequence[ShadowPair], source: str) -> list[dict[str, object]]:
    at = now()
    return [p.to_row(source, at) for p in pairs]


def record_shadow(conn: sa.Connection, rows: Sequence[dict[str, object]]) -> int:
    """Insert rows of :func:`shadow_rows` (inside the caller's transaction); how many."""
    if rows:
        conn.execute(shadow_decisions.insert(), list(rows))
    return len(rows)


@dataclass
class ShadowReport:
    pack_id: str
    since: str | None
    decided: int = 0
    agreed: int = 0
    revisions: Counter[tuple[str, str]] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    transitions: Counter[str] = field(default_factory=Counter)  # "allow → block"
    by_class: Counter[str] = field(default_factory=Counter)  # classes the two disagree on
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def agreement(self) -> float:
        return self.agreed / self.decided if self.decided else 1.0

    def to_record(self) -> dict[str, Any]:
        return {
            "pack": self.pack_id,
            "since": self.since,
            "decided": self.decided,
            "agreed": self.agreed,
            "agreement": round(self.agreement, 6),
            "revisions": [
                {"live": live, "shadow": shadow, "decided": n}
                for (live, shadow), n in self.revisions.most_common()
            ],
            "sources": dict(self.sources),
            "transitions": dict(self.transitions.most_common()),
            "disagreements_by_class": dict(self.by_class.most_common()),
            "examples": self.examples,
        }


def shadow_report(
    db: sa.Engine, pack_id: str, *, since: str | None = None, examples: int = 10
) -> ShadowReport:
    """Agreement of the shadow revision with the live one, disagreements by class and kind."""
    t = shadow_decisions
    where = [t.c.pack_id == pack_id]
    if since is not None:
        where.append(t.c.decided_at >= since)
    report = ShadowReport(pack_id, since)
    summary = (
        sa.select(t.c.live_revision, t.c.shadow_revision, t.c.source, t.c.agree, sa.func.count())
        .where(*where)
        .group_by(t.c.live_revision, t.c.shadow_revision, t.c.source, t.c.agree)
    )
    disagreements = sa.select(t).where(*where, t.c.agree.is_(False)).order_by(t.c.id)
    with db.connect() as conn:
        for live, shadow, source, agree, n in conn.execute(summary):
            report.decided += n
            report.agreed += n if agree else 0
            report.revisions[(live, shadow)] += n
            report.sources[source] += n
        for row in conn.execute(disagreements):
            _disagreement(report, row, examples)
    return report


def _disagreement(report: ShadowReport, row: Any, examples: int) -> None:
    report.transitions[f"{row.live_decision} → {row.shadow_decision}"] += 1
    live = set(filter(None, row.live_classes.split(",")))
    shadow = set(filter(None, row.shadow_classes.split(",")))
    for cls in (live ^ shadow) or (live | shadow):
        report.by_class[cls] += 1
    if len(report.examples) < examples:
        report.examples.append(
            {
                "listing": row.listing_id,
                "at": row.decided_at,
                "source": row.source,
                "live": {"decision": row.live_decision, "reason": row.live_reason},
                "shadow": {"decision": row.shadow_decision, "reason": row.shadow_reason},
            }
        )


class ShadowWriter:
    """Writes the service's shadow rows from a background thread, in batches.

    The request that decided does not wait for the database: rows are queued and written
    every ``interval`` seconds (or ``batch`` rows), so a shadow revision adds its decision
    time to a request and nothing else. ``close()`` writes what is queued.
    """

    def __init__(self, db: sa.Engine, *, interval: float = 0.2, batch: int = 1000) -> None:
        self.db = db
        self.interval = interval
        self.batch = batch
        self.written = 0
        self._queue: queue.SimpleQueue[dict[str, object] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="shadow-writer", daemon=True)
        self._thread.start()

    def put(self, rows: Sequence[dict[str, object]]) -> None:
        for row in rows:
            self._queue.put(row)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        done = False
        while not done:
            rows, done = self._take()
            if not rows:
                continue
            try:
                with self.db.begin() as conn:
                    self.written += record_shadow(conn, rows)
            except sa.exc.SQLAlchemyError:  # shadow rows have no effect: log, never fail a request
                log.exception("could not record %d shadow decisions", len(rows))

    def _take(self) -> tuple[list[dict[str, object]], bool]:
        """The rows queued within one interval (at most ``batch``); whether to stop after."""
        rows: list[dict[str, object]] = []
        deadline = time.monotonic() + self.interval
        while len(rows) < self.batch:
            try:
                row = self._queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if row is None:
                return rows, True
            rows.append(row)
        return rows, False
