"""Replay the audit log and compare what it says with the ledger's tables.

The chain proves that the *log* was not edited; it says nothing of the tables beside it. A
strike row deleted (or a removal lifted, or a standing rewritten) behind the log's back would
go unnoticed. ``replay`` derives, from the events alone, which removals are in force, which
strikes stand and each seller's standing, and names the first place where the tables
disagree:

* ``removal`` adds a removal of (listing, pack); ``removal-lifted`` lifts it (``reinstated``
  does too, for logs written before ``removal-lifted`` existed);
* ``strike`` adds a strike of (listing, pack) for a seller; ``strike-revoked`` revokes it;
* ``standing`` sets a seller's standing (the last one wins).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.store.tables import audit_events, removals, sellers, strikes

Key = tuple[str, str]  # (listing id, pack id)


@dataclass
class Derived:
    """The ledger's state as the log tells it, with the event that last set each fact."""

    removals: dict[Key, tuple[bool, int]] = field(default_factory=dict)  # lifted?, seq
    strikes: dict[Key, tuple[str, bool, int]] = field(default_factory=dict)  # seller, revoked?
    standings: dict[str, tuple[str, int]] = field(default_factory=dict)

    def apply(self, row: Any) -> None:
        kind, seq = row.kind, int(row.seq)
        subject = str(row.subject).split(":", 1)[1]
        if kind == "removal":
            self.removals[(subject, row.pack_id)] = (False, seq)
        elif kind in ("removal-lifted", "reinstated"):
            if (subject, row.pack_id) in self.removals:
                self.removals[(subject, row.pack_id)] = (True, seq)
        elif kind == "strike":
            listing = orjson.loads(row.result)["listing"]
            self.strikes[(listing, row.pack_id)] = (subject, False, seq)
        elif kind == "strike-revoked":
            listing = orjson.loads(row.result)["listing"]
            if (listing, row.pack_id) in self.strikes:
                self.strikes[(listing, row.pack_id)] = (subject, True, seq)
        elif kind == "standing":
            self.standings[subject] = (orjson.loads(row.result)["to"], seq)


KINDS = ("removal", "removal-lifted", "reinstated", "strike", "strike-revoked", "standing")


def derive(conn: sa.Connection, batch: int = 20_000) -> Derived:
    derived = Derived()
    for row in _events(conn, batch):
        derived.apply(row)
    return derived


def replay(engine: sa.Engine) -> str | None:
    """``None`` when the tables match the log; else the first difference, in words."""
    with engine.connect() as conn:
        derived = derive(conn)
        return (
            _removals(conn, derived.removals)
            or _strikes(conn, derived.strikes)
            or _standings(conn, derived.standings)
        )


def _removals(conn: sa.Connection, logged: dict[Key, tuple[bool, int]]) -> str | None:
    table = {
        (r.listing_id, r.pack_id): r.lifted_on is not None
        for r in conn.execute(
            sa.select(removals.c.listing_id, removals.c.pack_id, removals.c.lifted_on)
        )
    }
    for key, (lifted, seq) in sorted(logged.items(), key=lambda item: item[1][1]):
        what = f"the removal of listing '{key[0]}' under {key[1]}"
        if key not in table:
            return f"{what} is in the log (event {seq}) but not in the removals table"
        if table[key] != lifted:
            said, found = ("lifted", "in force") if lifted else ("in force", "lifted")
            return f"{what} is {said} in the log (event {seq}) but {found} in the removals table"
    extra = sorted(set(table) - set(logged))
    if extra:
        return f"the removal of listing '{extra[0][0]}' under {extra[0][1]} has no event in the log"
    return None


def _strikes(conn: sa.Connection, logged: dict[Key, tuple[str, bool, int]]) -> str | None:
    query = sa.select(
        strikes.c.listing_id, strikes.c.pack_id, strikes.c.seller_id, strikes.c.revoked_on
    )
    table = {
        (r.listing_id, r.pack_id): (r.seller_id, r.revoked_on is not None)
        for r in conn.execute(query)
    }
    for key, (seller, revoked, seq) in sorted(logged.items(), key=lambda item: item[1][2]):
        what = f"the strike for listing '{key[0]}' under {key[1]} (seller '{seller}')"
        if key not in table:
            return f"{what} is in the log (event {seq}) but not in the strikes table"
        if table[key] != (seller, revoked):
            said = "revoked" if revoked else "standing"
            return f"{what} is {said} in the log (event {seq}) but the strikes table differs"
    extra = sorted(set(table) - set(logged))
    if extra:
        return f"the strike for listing '{extra[0][0]}' under {extra[0][1]} has no event in the log"
    return None


def _standings(conn: sa.Connection, logged: dict[str, tuple[str, int]]) -> str | None:
    table = {r.seller_id: r.standing for r in conn.execute(sa.select(sellers))}
    for seller, (standing, seq) in sorted(logged.items(), key=lambda item: item[1][1]):
        found = table.get(seller)
        if found != standing:
            return (
                f"seller '{seller}' is {standing} in the log (event {seq}) but "
                f"{found or 'absent'} in the sellers table"
            )
    extra = sorted(set(table) - set(logged))
    if extra:
        return f"seller '{extra[0]}''s standing ({table[extra[0]]}) has no event in the log"
    return None


def _events(conn: sa.Connection, batch: int) -> Iterator[Any]:
    last = 0
    events = audit_events.c
    columns = (events.seq, events.kind, events.subject, events.pack_id, events.result)
    while True:
        rows = conn.execute(
            sa.select(*columns)
            .where(audit_events.c.seq > last, audit_events.c.kind.in_(KINDS))
            .order_by(audit_events.c.seq)
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last = int(rows[-1].seq)
