"""``reexplain``: decide a stored listing again under the very revision its verdict names.

The store keeps every activated revision's files (``pack activate``), so a verdict of last
year is re-decided with last year's words, thresholds and model, as of its own date and in
its own country — and the result says whether it still comes out the same. The relisting
check is not repeated (the removed listings it matched against have changed since); the
stored verdict keeps the `relisted` signal it had.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.decide import Engine, Verdict
from proscribe.deploy.revisions import restore
from proscribe.enforce.appeals import unknown_listing
from proscribe.errors import Diagnostic, LedgerError
from proscribe.policy import PolicyPack
from proscribe.store.tables import listing_texts, listings
from proscribe.types import Listing


@dataclass(frozen=True)
class Reexplained:
    stored: dict[str, Any]
    verdict: Verdict
    listing: Listing
    pack: PolicyPack

    @property
    def matches(self) -> bool:
        """The same decision and classes as when it was first decided."""
        now = (self.verdict.decision, list(self.verdict.classes))
        return now == (self.stored["decision"], self.stored["classes"])

    def to_record(self) -> dict[str, Any]:
        return {
            "listing": self.listing.id,
            "digest": self.pack.digest,
            "matches": self.matches,
            "stored": self.stored,
            "redecided": self.verdict.to_record(),
        }


def reexplain(db: sa.Engine, listing_id: str, into: Path) -> Reexplained:
    """The stored verdict of ``listing_id`` and the same listing decided again under its
    revision (restored from the store into ``into``)."""
    query = (
        sa.select(listings.c.verdict, listing_texts)
        .select_from(
            listings.join(listing_texts, listings.c.listing_id == listing_texts.c.listing_id)
        )
        .where(listings.c.listing_id == listing_id)
    )
    with db.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        raise unknown_listing(listing_id)
    stored = orjson.loads(row.verdict)
    try:
        pack = restore(db, stored["pack"], stored["revision"], into)
    except KeyError:
        raise LedgerError(
            Diagnostic(
                "PSC-E010",
                f"revision {stored['revision']} of {stored['pack']} was never activated in "
                "this store, so its files were not kept",
                None,
                "activate each revision before enforcing with it (proscribe pack activate), "
                "or explain the text with `proscribe explain --pack FOLDER`",
            )
        ) from None
    listing = Listing(
        listing_id,
        row.title,
        row.description,
        row.category,
        stored.get("seller_id"),
        country=stored.get("jurisdiction"),
    )
    as_of = dt.date.fromisoformat(stored["as_of"])
    verdict = Engine(pack).decide(listing, as_of=as_of)
    return Reexplained(stored, verdict, listing, pack)
