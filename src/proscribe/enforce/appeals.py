"""Appeals: a seller contests a removal; overturning reinstates and lifts the strike."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from proscribe.audit import AuditEvent, AuditLog
from proscribe.enforce.actions import Action, Changes
from proscribe.enforce.ledger import restanding
from proscribe.errors import Diagnostic, LedgerError
from proscribe.policy import PolicyPack
from proscribe.store.tables import appeals, listings, removals, strikes


def _fail(code: str, message: str, hint: str) -> LedgerError:
    return LedgerError(Diagnostic(code, message, None, hint))


def unknown_listing(listing_id: str) -> LedgerError:
    return _fail(
        "PSC-E001",
        f"no record of listing '{listing_id}'",
        "only listings that enforcement flagged are recorded; check the id and --db",
    )


class Appeals:
    """Opens and decides appeals; each step is an audit event naming its actor."""

    def __init__(
        self, engine: sa.Engine, *, audit: AuditLog | None = None, now: Any = None
    ) -> None:
        self.engine = engine
        self.audit = audit or AuditLog(now)
        self._now = now or (lambda: dt.datetime.now(dt.UTC))

    def open(self, listing_id: str, reason: str, *, actor: str) -> int:
        with self.engine.begin() as conn:
            self.audit.append(conn, [])
            status = conn.execute(
                sa.select(listings.c.status).where(listings.c.listing_id == listing_id)
            ).scalar_one_or_none()
            if status is None:
                raise unknown_listing(listing_id)
            if status != "removed":
                raise _fail(
                    "PSC-E002",
                    f"listing '{listing_id}' was never removed (it is {status})",
                    "only a removed listing can be appealed",
                )
            pending = conn.execute(
                sa.select(appeals.c.id).where(
                    appeals.c.listing_id == listing_id, appeals.c.status == "open"
                )
            ).scalar()
            if pending is not None:
                raise _fail(
                    "PSC-E006",
                    f"appeal {pending} is already open for '{listing_id}'",
                    f"decide it first: proscribe appeal decide {pending} …",
                )
            inserted = conn.execute(
                appeals.insert()
                .values(listing_id=listing_id, reason=reason, status="open", opened_at=self._now())
                .returning(appeals.c.id)
            )
            appeal_id = int(inserted.scalar_one())
            self.audit.append(
                conn,
                [
                    AuditEvent(
                        "appeal-opened",
                        f"appeal:{appeal_id}",
                        actor,
                        {"listing": listing_id, "reason": reason},
                    )
                ],
            )
        return appeal_id

    def decide(
        self,
        appeal_id: int,
        *,
        overturn: bool,
        by: str,
        note: str,
        pack: PolicyPack,
        as_of: dt.date,
    ) -> Changes:
        with self.engine.begin() as conn:
            self.audit.append(conn, [])
            row = conn.execute(sa.select(appeals).where(appeals.c.id == appeal_id)).one_or_none()
            if row is None:
                raise _fail(
                    "PSC-E003",
                    f"no appeal {appeal_id}",
                    "list a listing's appeals with `proscribe listing show ID`",
                )
            if row.status != "open":
                raise _fail(
                    "PSC-E004",
                    f"appeal {appeal_id} was already decided ({row.status})",
                    "an appeal is decided once",
                )
            outcome = "overturned" if overturn else "upheld"
            conn.execute(
                appeals.update()
                .where(appeals.c.id == appeal_id)
                .values(status=outcome, decided_by=by, decided_at=self._now(), note=note)
            )
            changes = Changes()
            changes.add(
                Action(f"appeal-{outcome}", f"appeal:{appeal_id}", note),
                AuditEvent(
                    f"appeal-{outcome}",
                    f"appeal:{appeal_id}",
                    by,
                    {"listing": row.listing_id, "note": note},
                    pack.id,
                    pack.revision,
                ),
            )
            if overturn:
                changes.extend(
                    lift(
                        conn,
                        pack,
                        row.listing_id,
                        as_of,
                        by,
                        f"appeal {appeal_id} overturned: {note}",
                    )
                )
            self.audit.append(conn, changes.events)
        return changes


def lift(
    conn: sa.Connection, pack: PolicyPack, listing_id: str, as_of: dt.date, actor: str, reason: str
) -> Changes:
    """Lift the pack's removal of a listing and revoke its strike; re-derive the standing."""
    changes = Changes()
    lifted = conn.execute(
        removals.update()
        .where(
            removals.c.listing_id == listing_id,
            removals.c.pack_id == pack.id,
            removals.c.lifted_on.is_(None),
        )
        .values(lifted_on=as_of, lifted_reason=reason)
        .returning(removals.c.id)
    ).all()
    subject = f"listing:{listing_id}"
    if lifted:  # an event of its own (no action: `reinstated` says it to people), so that
        # `audit verify` replays removals from the log even when another pack's stays in force
        changes.events.append(
            AuditEvent("removal-lifted", subject, actor, {"reason": reason}, pack.id, pack.revision)
        )
    still = conn.execute(
        sa.select(sa.func.count())
        .select_from(removals)
        .where(removals.c.listing_id == listing_id, removals.c.lifted_on.is_(None))
    ).scalar_one()
    if not still:
        conn.execute(
            listings.update()
            .where(listings.c.listing_id == listing_id)
            .values(status="reinstated", updated_on=as_of)
        )
        changes.add(
            Action("reinstated", subject, reason),
            AuditEvent("reinstated", subject, actor, {"reason": reason}, pack.id, pack.revision),
        )
    struck = conn.execute(
        sa.select(strikes.c.id, strikes.c.seller_id).where(
            strikes.c.listing_id == listing_id,
            strikes.c.pack_id == pack.id,
            strikes.c.revoked_on.is_(None),
        )
    ).all()
    for strike_id, seller in struck:
        conn.execute(
            strikes.update()
            .where(strikes.c.id == strike_id)
            .values(revoked_on=as_of, revoked_reason=reason)
        )
        changes.add(
            Action("strike-revoked", f"seller:{seller}", f"strike for {listing_id}: {reason}"),
            AuditEvent(
                "strike-revoked",
                f"seller:{seller}",
                actor,
                {"listing": listing_id, "reason": reason},
                pack.id,
                pack.revision,
            ),
        )
    changes.extend(restanding(conn, pack, [s for _, s in struck], as_of, actor))
    return changes
