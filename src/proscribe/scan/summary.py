"""What a scan found, aggregated in bounded memory and mergeable across workers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from proscribe.catalogue import Rejected
from proscribe.types import Listing

EXAMPLES_PER_GROUP = 5
#: Characters of a description kept for the report's examples.
EXAMPLE_TEXT = 400


@dataclass
class Summary:
    """Counts per decision, class, category, seller, evidence and evasion; a few examples."""

    scanned: int = 0
    rejected: int = 0
    decisions: Counter[str] = field(default_factory=Counter)
    by_class: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_category: Counter[tuple[str, str]] = field(default_factory=Counter)
    sellers: Counter[str] = field(default_factory=Counter)
    evidence: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    evasion: Counter[str] = field(default_factory=Counter)
    examples: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    rejects: list[Rejected] = field(default_factory=list)

    def add(self, record: dict[str, Any], listing: Listing) -> None:
        """Count one verdict record of ``listing``."""
        self.scanned += 1
        decision = record["decision"]
        self.decisions[decision] += 1
        self.by_category[(listing.category or "(none)", decision)] += 1
        if decision == "allow":
            return
        for cls in record["classes"]:
            self.by_class[(cls, decision)] += 1
            self._example(cls, decision, record, listing)
        if listing.seller_id:
            self.sellers[listing.seller_id] += 1
        for item in record["evidence"]:
            if item["weight"] is not None and item["kind"] in ("word", "pattern"):
                self.evidence[(item["class"], item["rule"], item["text"].casefold())] += 1
        for signal in {e["signal"] for e in record["evasion"]}:
            self.evasion[signal] += 1

    def _example(self, cls: str, decision: str, record: dict[str, Any], listing: Listing) -> None:
        bucket = self.examples.setdefault((cls, decision), [])
        if len(bucket) < EXAMPLES_PER_GROUP:
            shown = {
                "id": listing.id,
                "title": listing.title,
                "description": (listing.description or "")[:EXAMPLE_TEXT] or None,
                "category": listing.category,
                "seller_id": listing.seller_id,
            }
            bucket.append({"record": record, "listing": shown})

    def merge(self, other: Summary) -> None:
        self.scanned += other.scanned
        self.rejected += other.rejected
        for name in ("decisions", "by_class", "by_category", "sellers", "evidence", "evasion"):
            getattr(self, name).update(getattr(other, name))
        for key, items in other.examples.items():
            bucket = self.examples.setdefault(key, [])
            bucket.extend(items[: EXAMPLES_PER_GROUP - len(bucket)])

    @property
    def prohibited(self) -> int:
        return self.decisions["block"]
