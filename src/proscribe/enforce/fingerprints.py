"""Removed listings' fingerprints in the store, and the relist index built from them."""

from __future__ import annotations

import datetime as dt
import os

import numpy as np
import sqlalchemy as sa

from proscribe.detect.relisted import NUM_PERM, RelistIndex, Removed, signature
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


def relist_index(engine: sa.Engine, pack_id: str, *, before: str | None = None) -> RelistIndex:
    """Every fingerprint kept for ``pack_id``, in an LSH index (empty on a new store);
    with ``before`` (ISO time), only listings removed before then."""
    index = RelistIndex()
    t = removed_fingerprints
    query = sa.select(t).where(t.c.pack_id == pack_id)
    if before is not None:
        query = query.where(sa.or_(t.c.removed_at.is_(None), t.c.removed_at < before))
    with engine.connect() as conn:
        for row in conn.execute(query):
            values = np.frombuffer(row.signature, dtype="<u4")
            if len(values) != NUM_PERM:
                continue  # written by a build with other MinHash settings: not comparable
            removed = Removed(
                row.listing_id,
                row.seller_id,
                tuple(c for c in row.classes.split(",") if c),
                row.removed_on.isoformat(),
            )
            index.add(removed, values.astype(np.uint32))
    return index
