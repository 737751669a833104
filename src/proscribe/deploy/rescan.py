"""``rescan``: re-decide every stored listing under the revisions in place; enforce the changes.

The retroactive sweep of the real case ("sellers still listing after 15 Oct were penalised"):
after a revision goes live, each listing the store holds (with its text) is decided again —
newly blocked ones are removed and struck through the ledger, listings the new revision
allows are reinstated and their strikes revoked. Work goes in batches of listings ordered by
id; each batch and the run's checkpoint commit in one transaction, so a run killed at any
point resumes where it stopped and ends in the state of an uninterrupted run. Running it
again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.audit import AuditEvent, AuditLog, digest
from proscribe.decide import Verdict
from proscribe.deploy.decider import Decider
from proscribe.deploy.deployment import Deployment
from proscribe.deploy.shadow import record_shadow, shadow_rows
from proscribe.enforce import Ledger
from proscribe.enforce.actions import Action, Changes
from proscribe.enforce.appeals import lift
from proscribe.enforce.fingerprints import relist_index
from proscribe.store.tables import listing_texts, listings, rescans
from proscribe.types import Listing

#: The listings a rescan can decide: those the store holds with their text.
_STORED = listings.join(listing_texts, listings.c.listing_id == listing_texts.c.listing_id)


@dataclass
class Rescan:
    id: int
    resumed: bool
    started_at: str
    total: int  # stored listings with text
    done: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def to_record(self) -> dict[str, Any]:
        return {
            "rescan": self.id,
            "resumed": self.resumed,
            "listings": self.total,
            "decided": self.done,
            "counts": dict(self.counts),
        }


def deployment_key(deployment: Deployment) -> str:
    """What a run decides under: a resumed run must decide under the very same revisions."""
    parts = [deployment.live.digest]
    if deployment.staged is not None:
        parts += [deployment.staged.digest, repr(deployment.scope)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def rescan(
    db: sa.Engine,
    decider: Decider,
    *,
    as_of: dt.date,
    actor: str,
    batch: int = 500,
    progress: Callable[[Rescan], None] | None = None,
) -> Rescan:
    """Decide every stored listing again and enforce what changed; resume an unfinished run.

    Copies of removed listings are matched against those removed before the run started
    (not against its own removals), so a resumed run decides exactly as an uninterrupted one.
    """
    run = _start(db, decider.deployment, as_of)
    decider.set_relist(relist_index(db, decider.deployment.live.id, before=run.started_at))
    ledgers = {rev: Ledger(db, p, actor=actor) for rev, p in decider.deployment.packs.items()}
    live = decider.deployment.live.revision
    while True:
        with db.begin() as conn:
            position = conn.execute(
                sa.select(rescans.c.position).where(rescans.c.id == run.id)
            ).scalar_one()
            rows = _next(conn, position, batch)
            if not rows:
                conn.execute(
                    rescans.update().where(rescans.c.id == run.id).values(finished_at=_now())
                )
                break
            AuditLog().append(conn, [])  # the log's lock first, as every writer does
            verdicts, pairs = decider.decide_batch(
                [_listing(r) for r in rows], as_of=as_of, jurisdiction=None
            )
            for row, verdict in zip(rows, verdicts, strict=True):
                ledger = ledgers.get(verdict.revision, ledgers[live])
                run.counts.update(_apply(conn, ledger, row, verdict, actor))
            run.counts["shadow"] += record_shadow(conn, shadow_rows(pairs, "rescan"))
            run.done += len(rows)
            conn.execute(
                rescans.update()
                .where(rescans.c.id == run.id)
                .values(position=rows[-1].listing_id, counts=orjson.dumps(run.counts).decode())
            )
        if progress is not None:
            progress(run)
    return run


def _start(db: sa.Engine, deployment: Deployment, as_of: dt.date) -> Rescan:
    key = deployment_key(deployment)
    pack_id = deployment.live.id
    with db.begin() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(_STORED)).scalar_one()
        open_run = conn.execute(
            sa.select(
                rescans.c.id, rescans.c.position, rescans.c.counts, rescans.c.started_at
            ).where(
                rescans.c.pack_id == pack_id,
                rescans.c.digest == key,
                rescans.c.as_of == as_of,
                rescans.c.finished_at.is_(None),
            )
        ).first()
        if open_run is not None:
            counts: Counter[str] = Counter(orjson.loads(open_run.counts))
            done = conn.execute(
                sa.select(sa.func.count())
                .select_from(_STORED)
                .where(listings.c.listing_id <= open_run.position)
            ).scalar_one()
            return Rescan(open_run.id, True, open_run.started_at, total, done, counts)
        started = _now()
        values = {
            "pack_id": pack_id,
            "revision": deployment.live.revision,
            "digest": key,
            "as_of": as_of,
            "started_at": started,
            "position": "",
            "counts": "{}",
        }
        inserted = conn.execute(rescans.insert().values(**values)).inserted_primary_key
        assert inserted is not None
        return Rescan(int(inserted[0]), False, started, total)


def _next(conn: sa.Connection, position: str, batch: int) -> list[Any]:
    query = (
        sa.select(
            listings.c.listing_id,
            listings.c.seller_id,
            listings.c.status,
            listings.c.last_decision,
            listings.c.verdict,
            listing_texts.c.title,
            listing_texts.c.description,
            listing_texts.c.category,
        )
        .select_from(_STORED)
        .where(listings.c.listing_id > position)
        .order_by(listings.c.listing_id)
        .limit(batch)
    )
    return list(conn.execute(query))


def _listing(row: Any) -> Listing:
    """The stored listing, in the country its last verdict was decided for."""
    where = orjson.loads(row.verdict).get("jurisdiction")
    return Listing(
        row.listing_id,
        row.title,
        row.description,
        row.category,
        row.seller_id,
        country=where,
    )


def _apply(
    conn: sa.Connection, ledger: Ledger, row: Any, verdict: Verdict, actor: str
) -> Counter[str]:
    """Enforce one re-decided listing; what happened, by kind."""
    record = verdict.to_record()
    counts: Counter[str] = Counter()
    counts[f"{row.last_decision} → {verdict.decision}"] += 1
    if verdict.decision != "allow":
        changes = ledger.apply(conn, [record])
    else:
        changes = _allowed(conn, ledger, row, record, actor)
    counts.update(a.kind for a in changes.actions)
    return counts


def _allowed(
    conn: sa.Connection, ledger: Ledger, row: Any, record: dict[str, Any], actor: str
) -> Changes:
    """The listing is allowed now: record the verdict; lift a removal the pack made."""
    changes = Changes()
    text = orjson.dumps(record, option=orjson.OPT_SORT_KEYS).decode()
    if row.verdict == text:
        return changes
    as_of = dt.date.fromisoformat(record["as_of"])
    conn.execute(
        listings.update()
        .where(listings.c.listing_id == row.listing_id)
        .values(last_decision="allow", verdict=text, updated_on=as_of)
    )
    subject = f"listing:{row.listing_id}"
    event = AuditEvent(
        "decision",
        subject,
        actor,
        {"decision": "allow", "classes": [], "score": record["score"], "phase": record["phase"]},
        record["pack"],
        record["revision"],
        digest(record),
    )
    changes.add(Action("decision", subject, f"allow: {record['reason']}"), event)
    if row.status == "removed":
        reason = f"allowed under {record['pack']} {record['revision']}: {record['reason']}"
        changes.extend(lift(conn, ledger.pack, row.listing_id, as_of, actor, reason))
    AuditLog().append(conn, changes.events)
    return changes


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
