"""``Scope``: where a staged revision decides — a share of sellers, some countries, or both.

Sellers are placed by a stable hash of pack id and seller id: the same seller is in or out on
every machine and every run, and raising the share only adds sellers (nobody flips back).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


def bucket(pack_id: str, key: str) -> float:
    """A number in [0, 1) fixed for this pack and this seller (or listing, without a seller)."""
    digest = hashlib.blake2b(f"{pack_id}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


@dataclass(frozen=True, slots=True)
class Scope:
    share: float | None = None  # in (0, 1]: the sellers whose bucket is below it
    jurisdictions: tuple[str, ...] = ()  # empty: every country

    @classmethod
    def of(cls, share: float | None, jurisdictions: str | None) -> Scope:
        return cls(share, tuple(jurisdictions.split(",")) if jurisdictions else ())

    def covers(
        self, pack_id: str, seller_id: str | None, listing_id: str, jurisdiction: str | None
    ) -> bool:
        if self.jurisdictions and (jurisdiction or "").upper() not in self.jurisdictions:
            return False
        return self.share is None or bucket(pack_id, seller_id or listing_id) < self.share

    def describe(self) -> str:
        parts = []
        if self.share is not None:
            parts.append(f"{self.share:.0%} of sellers")
        if self.jurisdictions:
            parts.append(f"in {', '.join(self.jurisdictions)}")
        return " ".join(parts) or "everywhere"
