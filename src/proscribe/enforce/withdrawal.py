"""Withdrawal: when a pack or a class is withdrawn, lift what rested only on it."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from proscribe.audit import AuditLog
from proscribe.enforce.actions import Changes
from proscribe.enforce.appeals import lift
from proscribe.policy import PolicyPack
from proscribe.store.tables import removals


def withdrawn_classes(pack: PolicyPack, as_of: dt.date) -> set[str]:
    if pack.phase_at(as_of) == "withdrawn":
        return set(pack.class_ids)
    return {c.id for c in pack.classes if c.withdrawn is not None and as_of >= c.withdrawn}


def reinstate(
    engine: sa.Engine,
    pack: PolicyPack,
    as_of: dt.date,
    *,
    actor: str,
    dry_run: bool = False,
    audit: AuditLog | None = None,
) -> Changes:
    """Reinstate listings removed under ``pack`` only for classes withdrawn at ``as_of``."""
    gone = withdrawn_classes(pack, as_of)
    changes = Changes()
    if not gone:
        return changes
    log = audit or AuditLog()
    with engine.connect() as conn:
        transaction = conn.begin()
        log.append(conn, [])
        rows = conn.execute(
            sa.select(removals.c.listing_id, removals.c.classes).where(
                removals.c.pack_id == pack.id, removals.c.lifted_on.is_(None)
            )
        ).all()
        for listing_id, classes in rows:
            if set(classes.split(",")) <= gone:
                reason = f"{pack.id}: {', '.join(sorted(set(classes.split(','))))} withdrawn"
                changes.extend(lift(conn, pack, listing_id, as_of, actor, reason))
        log.append(conn, changes.events)
        if dry_run:
            transaction.rollback()
        else:
            transaction.commit()
    return changes
