"""Removed listings' fingerprints in the store, and the relist index built from them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection

import numpy as np
import sqlalchemy as sa

from proscribe.detect.relisted import SIGNATURE_SIZE, RelistIndex, Removed, signature
from proscribe.store.tables import listing_texts, removed_fingerprints

#: How stale a long-running process's copy of removed listings (the `relisted` signal) and of
#: the pack's activations may be (the service, the stream worker).
REFRESH_SECONDS = float(os.environ.get("PROSCRIBE_REFRESH_SECONDS", "30"))


def remember_fingerprint(
    conn: sa.Connection,
    listing_id: str,
    pack_id: str,
    seller_id: str | None,
    classes: list[str],
    removed_on: dt.date,
) -> bool:
    """Fingerprint a removed listing from its kept text; ``False`` when no text was kept."""
    from proscribe.enforce.ledger import insert_ignore  # the ledger imports this module

    text = conn.execute(
        sa.select(listing_texts.c.title, listing_texts.c.description).where(
            listing_texts.c.listing_id == listing_id
        )
    ).first()
    if text is None:
        return False
    values = signature(text.title, text.description).astype("<u4").tobytes()
    return insert_ignore(
        conn,
        removed_fingerprints,
        {
            "listing_id": listing_id,
            "pack_id": pack_id,
            "seller_id": seller_id,
            "classes": ",".join(classes),
            "removed_on": removed_on,
            "removed_at": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
            "signature": values,
        },
    )


def relist_index(
    engine: sa.Engine,
    pack_id: str,
    *,
    before: str | None = None,
    present: Collection[str] = (),
) -> RelistIndex:
    """Every fingerprint kept for ``pack_id``, in an LSH index (empty on a new store);
    with ``before`` (ISO time), only listings removed before then.

    ``present``: the ids of the input about to be decided. A removed listing that is in the
    input again stood beside its look-alikes there; it is no original they were copied
    from, so re-running the same input finds the same (no new) relistings. Rows come in a
    fixed order, so the index — and every match — is the same on SQLite and PostgreSQL.
    """
    index = RelistIndex()
    t = removed_fingerprints
    query = sa.select(t).where(t.c.pack_id == pack_id).order_by(t.c.removed_on, t.c.listing_id)
    if before is not None:
        query = query.where(sa.or_(t.c.removed_at.is_(None), t.c.removed_at < before))
    skip = set(present)
    with engine.connect() as conn:
        for row in conn.execute(query):
            if row.listing_id in skip:
                continue
            values = _values(conn, row.listing_id, row.signature)
            if values is None:
                continue  # other MinHash settings and no text kept: not comparable
            removed = Removed(
                row.listing_id,
                row.seller_id,
                tuple(c for c in row.classes.split(",") if c),
                row.removed_on.isoformat(),
            )
            index.add(removed, values.astype(np.uint32))
    return index


def _values(conn: sa.Connection, listing_id: str, stored: bytes) -> np.ndarray | None:
    """The stored signature, or one recomputed from the kept text (older, shorter format)."""
    values = np.frombuffer(stored, dtype="<u4")
    if len(values) == SIGNATURE_SIZE:
        return values
    text = conn.execute(
        sa.select(listing_texts.c.title, listing_texts.c.description).where(
            listing_texts.c.listing_id == listing_id
        )
    ).first()
    return None if text is None else signature(text.title, text.description)
