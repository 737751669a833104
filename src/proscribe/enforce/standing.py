"""A seller's standing on the pack's penalty ladder, derived from active strikes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from proscribe.policy.schema import LADDER_STEPS, Enforcement
from proscribe.store.tables import strikes

STANDINGS = ("good", *LADDER_STEPS)


def harsher(a: str, b: str) -> str:
    return a if STANDINGS.index(a) >= STANDINGS.index(b) else b


def standing_for(active: int, evasion: bool, enforcement: Enforcement | None) -> str:
    """The harshest ladder step the active strikes reach; evasion adds the aggravated step."""
    if enforcement is None:
        return "good"
    step = "good"
    for rung in enforcement.ladder:
        if active >= rung.at_strikes:
            step = harsher(step, rung.step)
    if evasion and enforcement.evasion is not None:
        step = harsher(step, enforcement.evasion.step)
    return step


def active_strikes(
    conn: sa.Connection, sellers: Iterable[str], as_of: dt.date
) -> dict[str, tuple[int, bool]]:
    """Per seller: (active strikes, whether any of them carries evasion) at ``as_of``."""
    wanted = sorted(set(sellers))
    if not wanted:
        return {}
    active = sa.and_(
        strikes.c.revoked_on.is_(None),
        strikes.c.issued_on <= as_of,
        sa.or_(strikes.c.expires_on.is_(None), strikes.c.expires_on > as_of),
    )
    evaded = sa.func.max(sa.case((strikes.c.evasion != "", 1), else_=0))
    query = (
        sa.select(strikes.c.seller_id, sa.func.count(), evaded)
        .where(strikes.c.seller_id.in_(wanted), active)
        .group_by(strikes.c.seller_id)
    )
    found = {row[0]: (int(row[1]), bool(row[2])) for row in conn.execute(query)}
    return {seller: found.get(seller, (0, False)) for seller in wanted}
