"""Read models: a seller's or a listing's standing and full history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.enforce.appeals import _fail, unknown_listing
from proscribe.enforce.standing import active_strikes, standing_for
from proscribe.policy import PolicyPack
from proscribe.store.tables import appeals, audit_events, listings, removals, sellers, strikes


def _rows(conn: sa.Connection, query: sa.Select[Any]) -> list[dict[str, Any]]:
    # str(k): SQLAlchemy's column names are a str subclass that orjson refuses as keys.
    return [{str(k): _plain(v) for k, v in r._mapping.items()} for r in conn.execute(query)]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _history(conn: sa.Connection, subjects: list[str]) -> list[dict[str, Any]]:
    query = (
        sa.select(
            audit_events.c.seq,
            audit_events.c.at,
            audit_events.c.actor,
            audit_events.c.kind,
            audit_events.c.subject,
            audit_events.c.pack_id,
            audit_events.c.revision,
            audit_events.c.result,
        )
        .where(audit_events.c.subject.in_(subjects))
        .order_by(audit_events.c.seq)
    )
    return [{**row, "result": orjson.loads(row["result"])} for row in _rows(conn, query)]


def seller_view(
    engine: sa.Engine, seller_id: str, as_of: dt.date, pack: PolicyPack | None
) -> dict[str, Any]:
    """Standing derived at ``as_of`` from the active strikes (expired ones no longer count)
    on ``pack``'s ladder (``None``: no ladder, so ``good``), beside the standing last
    recorded, the strikes and the full history."""
    with engine.connect() as conn:
        recorded = conn.execute(
            sa.select(sellers.c.standing).where(sellers.c.seller_id == seller_id)
        ).scalar_one_or_none()
        own = [
            r.listing_id
            for r in conn.execute(
                sa.select(listings.c.listing_id).where(listings.c.seller_id == seller_id)
            )
        ]
        if recorded is None and not own:
            raise _fail(
                "PSC-E005",
                f"no record of seller '{seller_id}'",
                "only sellers of flagged listings are recorded; check the id and --db",
            )
        active, evaded = active_strikes(conn, [seller_id], as_of)[seller_id]
        all_strikes = _rows(
            conn, sa.select(strikes).where(strikes.c.seller_id == seller_id).order_by(strikes.c.id)
        )
        history = _history(conn, [f"seller:{seller_id}", *(f"listing:{i}" for i in own)])
    return {
        "seller_id": seller_id,
        "standing": standing_for(active, evaded, pack.spec.enforcement if pack else None),
        "recorded_standing": recorded or "good",
        "strikes": active,
        "aggravated": evaded,
        "as_of": as_of.isoformat(),
        "pack": pack.id if pack else None,
        "revision": pack.revision if pack else None,
        "listings": own,
        "strike_records": all_strikes,
        "history": history,
    }


def listing_view(engine: sa.Engine, listing_id: str) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(sa.select(listings).where(listings.c.listing_id == listing_id)).first()
        if row is None:
            raise unknown_listing(listing_id)
        record = {str(k): v for k, v in row._mapping.items()}
        appeal_rows = _rows(conn, sa.select(appeals).where(appeals.c.listing_id == listing_id))
        subjects = [f"listing:{listing_id}", *(f"appeal:{a['id']}" for a in appeal_rows)]
        return {
            "listing_id": listing_id,
            "seller_id": record["seller_id"],
            "status": record["status"],
            "decision": record["last_decision"],
            "verdict": orjson.loads(record["verdict"]),
            "removals": _rows(conn, sa.select(removals).where(removals.c.listing_id == listing_id)),
            "strikes": _rows(conn, sa.select(strikes).where(strikes.c.listing_id == listing_id)),
            "appeals": appeal_rows,
            "history": _history(conn, subjects),
        }
