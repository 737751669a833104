"""``Worker``: consumes listing events from a Redis stream, decides, enforces, acknowledges.

Delivery is at least once: an event is acknowledged (``XACK``) only after its verdict, the
ledger's changes and its shadow decision are committed, in one transaction. A replay changes
nothing: the verdict row is keyed by stream and event id, the ledger is idempotent, and the
decision date is the event's own (its stream id's timestamp, unless the event names
``as_of``). Workers of one consumer group share the stream; a worker's pending events are
claimed by the others after ``claim_idle_ms`` (``XAUTOCLAIM``), so a crashed worker loses
nothing; an event that cannot be read, or that has failed ``max_deliveries`` times, goes to
the dead-letter stream (``<stream>:dead``) with the reason, and is acknowledged. SIGTERM
finishes the batch in hand, then stops.

Event format: one field ``listing`` holding a JSON object with the catalogue's columns (``id``
and ``title`` required) and optionally ``as_of`` (YYYY-MM-DD) and ``jurisdiction``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.catalogue import Rejected
from proscribe.catalogue.reader import to_row
from proscribe.decide import Verdict
from proscribe.deploy import Decider
from proscribe.deploy.shadow import record_shadow, shadow_rows
from proscribe.enforce import Ledger
from proscribe.enforce.fingerprints import REFRESH_SECONDS, relist_index
from proscribe.store.tables import stream_verdicts
from proscribe.types import Listing

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StreamConfig:
    stream: str = "listings"
    group: str = "proscribe"
    consumer: str = field(default_factory=lambda: f"{socket.gethostname()}-{os.getpid()}")
    batch: int = 100
    block_ms: int = 1000
    claim_idle_ms: int = 60_000
    max_deliveries: int = 5
    jurisdiction: str | None = None

    @property
    def dead_letters(self) -> str:
        return f"{self.stream}:dead"


@dataclass
class WorkerStats:
    decided: int = 0
    dead: int = 0
    claimed: int = 0
    batches: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    listing: Listing
    as_of: dt.date
    jurisdiction: str | None


class Worker:
    """One consumer of a consumer group; run several (processes or machines) to share a stream."""

    def __init__(
        self,
        client: Any,  # redis.Redis
        db: sa.Engine,
        decider: Decider,
        config: StreamConfig,
    ) -> None:
        self.client = client
        self.db = db
        self.decider = decider
        self.config = config
        self.stats = WorkerStats()
        self.stopping = False
        packs = decider.deployment.packs
        self.ledgers = {
            rev: Ledger(db, p, actor=f"worker:{config.consumer}") for rev, p in packs.items()
        }
        self._relist_at = -1e18
        self._claimed_at = -1e18

    def ensure_group(self) -> None:
        """Create the stream and the group reading it from the start (no event is skipped)."""
        import redis

        try:
            self.client.xgroup_create(self.config.stream, self.config.group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def run(self, *, until: Callable[[WorkerStats], bool] | None = None) -> WorkerStats:
        """Consume until SIGTERM (``stop()``) or until ``until(stats)`` is true."""
        self.ensure_group()
        while not self.stopping and not (until and until(self.stats)):
            self._refresh_relist()
            entries = self._claimed() if self._claim_due() else []
            entries = entries or self._read()
            if entries:
                self.handle(entries)
        return self.stats

    def stop(self) -> None:
        self.stopping = True

    def _claim_due(self) -> bool:
        """Look for other consumers' stale events at most twice per ``claim_idle_ms``, not
        before every read (one round trip fewer per batch)."""
        now = time.monotonic()
        if now - self._claimed_at < self.config.claim_idle_ms / 2000:
            return False
        self._claimed_at = now
        return True

    def _read(self) -> list[tuple[str, dict[bytes, bytes]]]:
        c = self.config
        found = self.client.xreadgroup(
            c.group, c.consumer, {c.stream: ">"}, count=c.batch, block=c.block_ms
        )
        return [(_text(i), fields) for _, entries in found or [] for i, fields in entries]

    def _claimed(self) -> list[tuple[str, dict[bytes, bytes]]]:
        """Events another consumer read but did not acknowledge for ``claim_idle_ms``."""
        c = self.config
        _, entries, *_ = self.client.xautoclaim(
            c.stream, c.group, c.consumer, c.claim_idle_ms, "0-0", count=c.batch
        )
        entries = [(_text(i), fields) for i, fields in entries if fields is not None]
        if not entries:
            return []
        self.stats.claimed += len(entries)
        counts = self._deliveries([i for i, _ in entries])
        poisoned = [(i, f) for i, f in entries if counts.get(i, 0) > c.max_deliveries]
        for event_id, fields in poisoned:
            self._dead(event_id, fields, "PSC-W002", f"delivered {counts[event_id]} times "
                       "without being recorded", "see the workers' logs for the error")  # fmt: skip
        return [(i, f) for i, f in entries if counts.get(i, 0) <= c.max_deliveries]

    def _deliveries(self, ids: list[str]) -> dict[str, int]:
        c = self.config
        pending = self.client.xpending_range(
            c.stream, c.group, min=ids[0], max=ids[-1], count=len(ids) * 2
        )
        return {_text(p["message_id"]): int(p["times_delivered"]) for p in pending}

    def handle(self, entries: list[tuple[str, dict[bytes, bytes]]]) -> None:
        """Decide, record and enforce a batch in one transaction, then acknowledge it."""
        events: list[Event] = []
        for event_id, fields in entries:
            found = parse_event(event_id, fields, self.config.jurisdiction)
            if isinstance(found, Rejected):
                self._dead(event_id, fields, found.code, found.message, found.hint)
            else:
                events.append(found)
        if not events:
            return
        try:
            self._record(events)
        except sa.exc.SQLAlchemyError:
            log.exception("could not record %d events; they stay pending", len(events))
            return
        self.client.xack(self.config.stream, self.config.group, *[e.event_id for e in events])
        self.stats.decided += len(events)
        self.stats.batches += 1

    def _record(self, events: list[Event]) -> None:
        verdicts, pairs = self._decide(events)
        live = self.decider.deployment.live.revision
        now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        records = [v.to_record() for v in verdicts]
        rows = [
            {
                "stream": self.config.stream,
                "event_id": event.event_id,
                "listing_id": event.listing.id,
                "consumer": self.config.consumer,
                "decided_at": now,
                "decision": record["decision"],
                "record": orjson.dumps(record).decode(),
            }
            for event, record in zip(events, records, strict=True)
        ]
        with self.db.begin() as conn:
            new = self._insert_new(conn, rows)  # a replayed event is already there: skip it
            # by the revision that decided, then by listing: of two edits of one listing in a
            # batch, the later one stands (as it would, applied one after the other)
            flagged: dict[str, dict[str, dict[str, Any]]] = {}
            texts = {}
            for event, record in zip(events, records, strict=True):
                if event.event_id in new and record["decision"] != "allow":
                    revision = str(record["revision"])
                    group = flagged.setdefault(revision if revision in self.ledgers else live, {})
                    group[event.listing.id] = record
                    texts[event.listing.id] = _text_of(event.listing)
            for revision, by_listing in flagged.items():
                self.ledgers[revision].apply(conn, list(by_listing.values()), texts)
            record_shadow(conn, shadow_rows(pairs, "worker"))

    def _insert_new(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> set[str]:
        """Insert the verdict rows in one statement; the event ids that were not there yet."""
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(stream_verdicts)
            .values(rows)
            .on_conflict_do_nothing()
            .returning(stream_verdicts.c.event_id)
        )
        return set(conn.execute(statement).scalars())

    def _decide(self, events: list[Event]) -> tuple[list[Verdict], list[Any]]:
        """Events of one date and place decide together; the order is kept."""
        verdicts: list[Verdict | None] = [None] * len(events)
        pairs: list[Any] = []
        groups: dict[tuple[dt.date, str | None], list[int]] = {}
        for i, event in enumerate(events):
            groups.setdefault((event.as_of, event.jurisdiction), []).append(i)
        for (as_of, where), members in groups.items():
            found, shadow = self.decider.decide_batch(
                [events[i].listing for i in members], as_of=as_of, jurisdiction=where
            )
            pairs += shadow
            for i, verdict in zip(members, found, strict=True):
                verdicts[i] = verdict
        return [v for v in verdicts if v is not None], pairs

    def _dead(
        self, event_id: str, fields: dict[bytes, bytes], code: str, message: str, hint: str
    ) -> None:
        payload = fields.get(b"listing", b"")
        self.client.xadd(self.config.dead_letters, {
            "event_id": event_id, "code": code, "message": message, "hint": hint,
            "consumer": self.config.consumer, "listing": payload,
        })  # fmt: skip
        self.client.xack(self.config.stream, self.config.group, event_id)
        self.stats.dead += 1

    def _refresh_relist(self) -> None:
        now = time.monotonic()
        if now - self._relist_at >= REFRESH_SECONDS:
            self._relist_at = now
            self.decider.set_relist(relist_index(self.db, self.decider.deployment.live.id))


def parse_event(
    event_id: str, fields: dict[bytes, bytes], jurisdiction: str | None
) -> Event | Rejected:
    """The listing an event carries, decided as of its own date; or why it cannot be read."""
    raw = fields.get(b"listing")
    if raw is None:
        return Rejected(0, None, "PSC-W001", "the event has no 'listing' field",
                        "publish XADD <stream> * listing '<JSON object>'")  # fmt: skip
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return Rejected(0, None, "PSC-W001", f"'listing' is not JSON: {exc}",
                        "publish one JSON object per event")  # fmt: skip
    if not isinstance(data, dict):
        return Rejected(0, None, "PSC-W001", "'listing' is not a JSON object",
                        "publish one JSON object per event")  # fmt: skip
    listing = to_row(data, 0)
    if isinstance(listing, Rejected):
        return listing
    try:
        as_of = dt.date.fromisoformat(data["as_of"]) if data.get("as_of") else _date_of(event_id)
    except (TypeError, ValueError):
        hint = "write as_of as YYYY-MM-DD, or leave it out (the event's date)"
        return Rejected(0, listing.id, "PSC-W001", f"as_of {data['as_of']!r} is not a date", hint)
    where = data.get("jurisdiction") or jurisdiction
    return Event(event_id, listing, as_of, where.upper() if isinstance(where, str) else None)


def _date_of(event_id: str) -> dt.date:
    """The UTC date of a Redis stream id (``<milliseconds>-<sequence>``)."""
    millis = int(event_id.split("-", 1)[0])
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC).date()


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _text_of(listing: Listing) -> tuple[str, str | None, str | None]:
    return listing.title, listing.description, listing.category
