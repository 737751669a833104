"""``AuditLog.append(event)`` and ``verify()``: an append-only, SHA-256 hash-chained log.

Each event's hash covers its sequence number, schema version, time, actor, kind, subject,
pack and revision, input digest, result, and the previous event's hash. Appends take a lock on
the one-row ``audit_head`` table (``SELECT … FOR UPDATE``; SQLite writers are serialised by
``BEGIN IMMEDIATE``), so concurrent writers extend one chain. ``verify`` recomputes the chain
and compares its end with the head: an edited, deleted, inserted or reordered event — or a
truncated tail — breaks it at a named sequence number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.store.tables import audit_events, audit_head

EVENT_VERSION = 1
GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """Something that happened, by whom, to what, under which pack revision, with what result."""

    kind: str
    subject: str
    actor: str
    result: dict[str, Any] = field(default_factory=dict)
    pack_id: str | None = None
    revision: str | None = None
    input_digest: str | None = None


@dataclass(frozen=True, slots=True)
class Verification:
    events: int
    head: str
    broken_at: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken_at is None and self.problem is None


def digest(payload: object) -> str:
    """SHA-256 of a value's canonical JSON (sorted keys): the input digest of an event."""
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _hash(row: dict[str, Any]) -> str:
    fields = [
        str(row["seq"]),
        str(row["version"]),
        row["at"],
        row["actor"],
        row["kind"],
        row["subject"],
        row["pack_id"] or "",
        row["revision"] or "",
        row["input_digest"] or "",
        row["result"],
        row["prev_hash"],
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


class AuditLog:
    """The audit log of one database; appends happen inside the caller's transaction."""

    def __init__(self, now: Any = None) -> None:
        self._now = now or (lambda: dt.datetime.now(dt.UTC))

    def append(self, conn: sa.Connection, events: list[AuditEvent]) -> int:
        """Append ``events`` in order; return the new head's sequence number."""
        head = conn.execute(
            sa.select(audit_head.c.seq, audit_head.c.hash)
            .where(audit_head.c.id == 1)
            .with_for_update()
        ).one()
        seq, prev = int(head.seq), str(head.hash)
        if not events:
            return seq
        at = self._now().astimezone(dt.UTC).isoformat(timespec="microseconds")
        rows = []
        for event in events:
            seq += 1
            row = {
                "seq": seq,
                "version": EVENT_VERSION,
                "at": at,
                "actor": event.actor,
                "kind": event.kind,
                "subject": event.subject,
                "pack_id": event.pack_id,
                "revision": event.revision,
                "input_digest": event.input_digest,
                "result": orjson.dumps(event.result, option=orjson.OPT_SORT_KEYS).decode(),
                "prev_hash": prev,
            }
            prev = row["hash"] = _hash(row)
            rows.append(row)
        conn.execute(audit_events.insert(), rows)
        conn.execute(audit_head.update().where(audit_head.c.id == 1).values(seq=seq, hash=prev))
        return seq

    def verify(self, engine: sa.Engine, batch: int = 20_000) -> Verification:
        """Recompute the chain; name the first broken link."""
        prev, expected, count = GENESIS, 1, 0
        with engine.connect() as conn:
            for row in _rows(conn, batch):
                problem = _check(row, expected, prev)
                if problem:
                    return Verification(count, prev, expected, problem)
                prev, expected, count = row["hash"], expected + 1, count + 1
            head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash)).one()
        if (int(head.seq), head.hash) != (count, prev):
            return Verification(
                count,
                prev,
                count + 1,
                f"the head records event {head.seq} ({head.hash[:12]}…) but the "
                f"chain ends at event {count}: events were deleted from the end",
            )
        return Verification(count, prev)

    def export(self, engine: sa.Engine, since: str | None = None) -> Iterator[dict[str, Any]]:
        """Events in order (from the ISO time ``since``), each a dict with its hashes."""
        with engine.connect() as conn:
            for row in _rows(conn, 20_000, since):
                yield {**row, "result": orjson.loads(row["result"])}


def _check(row: dict[str, Any], expected: int, prev: str) -> str | None:
    if row["seq"] != expected:
        return f"event {expected} is missing (found {row['seq']} next)"
    if row["prev_hash"] != prev:
        return "its previous-hash does not match the event before it (reordered or replaced)"
    if _hash(row) != row["hash"]:
        return "its content does not match its hash (edited)"
    return None


def _rows(conn: sa.Connection, batch: int, since: str | None = None) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        query = (
            sa.select(audit_events)
            .where(audit_events.c.seq > last)
            .order_by(audit_events.c.seq)
            .limit(batch)
        )
        if since:
            query = query.where(audit_events.c.at >= since)
        rows = [{str(k): v for k, v in r._mapping.items()} for r in conn.execute(query)]
        if not rows:
            return
        yield from rows
        last = rows[-1]["seq"]
