"""``Ledger.record(verdict) -> list[Action]``: verdicts become removals, strikes and standings.

Rules, from the pack's phases and enforcement section:
* a ``block`` verdict from the effective date removes the listing; in the grace period
  (effective → enforced) the removal comes with a notice and no strike;
* from the enforcement date each blocked listing still up gives its seller one strike
  (one per listing and pack: re-running never strikes twice);
* an evasion signal the pack names makes the strike aggravated (the pack's evasion step);
* strikes expire after ``strike_expiry_days``; the seller's standing is re-derived from the
  active strikes whenever they change.
Every change is an audit event in the same transaction; nothing is written twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.audit import AuditEvent, AuditLog, digest
from proscribe.enforce.actions import Action, Changes
from proscribe.enforce.fingerprints import remember_fingerprint
from proscribe.enforce.standing import active_strikes, standing_for
from proscribe.enforce.texts import remember_text
from proscribe.policy import PolicyPack
from proscribe.store.tables import listings, removals, sellers, strikes

Record = dict[str, Any]


class Ledger:
    """Applies verdicts of one pack to the store, idempotently, with an audit event per change."""

    def __init__(
        self,
        engine: sa.Engine,
        pack: PolicyPack,
        *,
        actor: str = "proscribe",
        audit: AuditLog | None = None,
    ) -> None:
        self.engine = engine
        self.pack = pack
        self.actor = actor
        self.audit = audit or AuditLog()

    def record(self, verdict: Record, *, dry_run: bool = False) -> list[Action]:
        return self.record_batch([verdict], dry_run=dry_run).actions

    def record_batch(
        self,
        verdicts: Iterable[Record],
        *,
        dry_run: bool = False,
        texts: Mapping[str, tuple[str, str | None, str | None]] | None = None,
    ) -> Changes:
        """Apply verdict records (as ``Verdict.to_record()``) in one transaction."""
        with self.engine.connect() as conn:
            transaction = conn.begin()
            changes = self.apply(conn, verdicts, texts)
            if dry_run:
                transaction.rollback()
            else:
                transaction.commit()
        return changes

    def apply(
        self,
        conn: sa.Connection,
        verdicts: Iterable[Record],
        texts: Mapping[str, tuple[str, str | None, str | None]] | None = None,
    ) -> Changes:
        """Apply verdict records inside the caller's transaction (allowed ones are skipped).

        ``texts`` (id → title, description, category) keeps flagged listings' text for the
        review page and the training export.
        """
        flagged = [v for v in verdicts if v["decision"] != "allow"]
        if not flagged:
            return Changes()
        self.audit.append(conn, [])  # take the log's lock first: concurrent writers queue here
        for verdict in flagged:  # the text first: a removal fingerprints it (relisted signal)
            if texts and verdict["id"] in texts:
                remember_text(conn, verdict["id"], *texts[verdict["id"]])
        changes = self._apply(conn, flagged)
        self.audit.append(conn, changes.events)
        return changes

    def _apply(self, conn: sa.Connection, flagged: list[Record]) -> Changes:
        changes = Changes()
        ids = [v["id"] for v in flagged]
        known = {
            r.listing_id: r.verdict
            for r in conn.execute(
                sa.select(listings.c.listing_id, listings.c.verdict).where(
                    listings.c.listing_id.in_(ids)
                )
            )
        }
        touched: set[str] = set()
        for verdict in flagged:
            changes.extend(self._listing(conn, verdict, known.get(verdict["id"])))
            if verdict["decision"] == "block" and verdict["phase"] in ("grace", "enforced"):
                changes.extend(self._remove(conn, verdict))
                if verdict["phase"] == "enforced" and verdict.get("seller_id"):
                    struck = self._strike(conn, verdict)
                    changes.extend(struck)
                    if struck.actions:
                        touched.add(verdict["seller_id"])
        as_of = max(dt.date.fromisoformat(v["as_of"]) for v in flagged)
        changes.extend(restanding(conn, self.pack, touched, as_of, self.actor))
        return changes

    def _event(
        self, kind: str, subject: str, verdict: Record, result: dict[str, Any]
    ) -> AuditEvent:
        return AuditEvent(
            kind, subject, self.actor, result, verdict["pack"], verdict["revision"], digest(verdict)
        )

    def _listing(self, conn: sa.Connection, verdict: Record, stored: str | None) -> Changes:
        changes = Changes()
        text = orjson.dumps(verdict, option=orjson.OPT_SORT_KEYS).decode()
        if stored == text:
            return changes
        values = {
            "seller_id": verdict.get("seller_id"),
            "last_decision": verdict["decision"],
            "verdict": text,
            "updated_on": dt.date.fromisoformat(verdict["as_of"]),
        }
        if stored is None:
            conn.execute(
                listings.insert().values(listing_id=verdict["id"], status="live", **values)
            )
        else:
            conn.execute(
                listings.update().where(listings.c.listing_id == verdict["id"]).values(**values)
            )
        subject = f"listing:{verdict['id']}"
        changes.add(
            Action("decision", subject, f"{verdict['decision']}: {verdict['reason']}"),
            self._event(
                "decision",
                subject,
                verdict,
                {
                    "decision": verdict["decision"],
                    "classes": verdict["classes"],
                    "score": verdict["score"],
                    "phase": verdict["phase"],
                },
            ),
        )
        return changes

    def _remove(self, conn: sa.Connection, verdict: Record) -> Changes:
        changes = Changes()
        as_of = dt.date.fromisoformat(verdict["as_of"])
        grace = verdict["phase"] == "grace"
        inserted = insert_ignore(
            conn,
            removals,
            {
                "listing_id": verdict["id"],
                "pack_id": verdict["pack"],
                "revision": verdict["revision"],
                "classes": ",".join(verdict["classes"]),
                "removed_on": as_of,
                "notice_only": grace,
            },
        )
        if not inserted:
            return changes
        conn.execute(
            listings.update().where(listings.c.listing_id == verdict["id"]).values(status="removed")
        )
        remember_fingerprint(
            conn,
            verdict["id"],
            verdict["pack"],
            verdict.get("seller_id"),
            verdict["classes"],
            as_of,
        )
        subject = f"listing:{verdict['id']}"
        detail = (
            f"removed as {', '.join(verdict['classes'])} under {verdict['pack']} "
            f"{verdict['revision']}" + ("; notice, no strike (grace period)" if grace else "")
        )
        changes.add(
            Action("notice" if grace else "removed", subject, detail),
            self._event(
                "removal",
                subject,
                verdict,
                {
                    "classes": verdict["classes"],
                    "notice_only": grace,
                    "reason": verdict["reason"],
                    "evidence": verdict["evidence"],
                },
            ),
        )
        return changes

    def _strike(self, conn: sa.Connection, verdict: Record) -> Changes:
        changes = Changes()
        as_of = dt.date.fromisoformat(verdict["as_of"])
        enforcement = self.pack.spec.enforcement
        days = enforcement.strike_expiry_days if enforcement else None
        named = set(enforcement.evasion.signals) if enforcement and enforcement.evasion else set()
        evasion = sorted({e["signal"] for e in verdict["evasion"]} & named)
        inserted = insert_ignore(
            conn,
            strikes,
            {
                "seller_id": verdict["seller_id"],
                "listing_id": verdict["id"],
                "pack_id": verdict["pack"],
                "revision": verdict["revision"],
                "classes": ",".join(verdict["classes"]),
                "issued_on": as_of,
                "expires_on": as_of + dt.timedelta(days=days) if days else None,
                "evasion": ",".join(evasion),
            },
        )
        if not inserted:
            return changes
        subject = f"seller:{verdict['seller_id']}"
        detail = f"strike for listing {verdict['id']}" + (
            f", aggravated by evasion ({', '.join(evasion)})" if evasion else ""
        )
        changes.add(
            Action("strike", subject, detail),
            self._event(
                "strike",
                subject,
                verdict,
                {"listing": verdict["id"], "classes": verdict["classes"], "evasion": evasion},
            ),
        )
        return changes


def restanding(
    conn: sa.Connection, pack: PolicyPack, seller_ids: Iterable[str], as_of: dt.date, actor: str
) -> Changes:
    """Re-derive the standing of ``seller_ids``; record and audit each that changes."""
    changes = Changes()
    counts = active_strikes(conn, seller_ids, as_of)
    if not counts:
        return changes
    current = {
        r.seller_id: r.standing
        for r in conn.execute(
            sa.select(sellers.c.seller_id, sellers.c.standing).where(
                sellers.c.seller_id.in_(counts)
            )
        )
    }
    for seller, (active, evaded) in counts.items():
        new = standing_for(active, evaded, pack.spec.enforcement)
        old = current.get(seller, "good")
        if new == old:
            continue
        if seller in current:
            conn.execute(
                sellers.update()
                .where(sellers.c.seller_id == seller)
                .values(standing=new, updated_on=as_of)
            )
        else:
            conn.execute(sellers.insert().values(seller_id=seller, standing=new, updated_on=as_of))
        subject = f"seller:{seller}"
        changes.add(
            Action("standing", subject, f"{active} active strike(s): {old} → {new}"),
            AuditEvent(
                "standing",
                subject,
                actor,
                {
                    "from": old,
                    "to": new,
                    "active_strikes": active,
                    "evasion": evaded,
                    "as_of": as_of.isoformat(),
                },
                pack.id,
                pack.revision,
            ),
        )
    return changes


def insert_ignore(conn: sa.Connection, table: sa.Table, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING RETURNING <primary key>; whether the row was inserted.

    (``rowcount`` cannot tell: PostgreSQL drivers report -1 when a RETURNING is implicit.)
    """
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values).on_conflict_do_nothing()
    key = next(iter(table.primary_key.columns))
    return conn.execute(statement.returning(key)).first() is not None
