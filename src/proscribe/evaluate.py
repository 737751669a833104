"""Measure the engine on labelled listings (the format of ``shared/data/dev``).

A listing is *flagged* when its verdict is review or block, *blocked* when block.
Borderline rows are kept out of precision and recall and counted on their own.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from proscribe.decide import Engine
from proscribe.types import Listing


@dataclass
class Tally:
    """Confusion counts for one group of labelled listings."""

    prohibited: int = 0
    prohibited_flagged: int = 0
    prohibited_blocked: int = 0
    allowed: int = 0
    allowed_flagged: int = 0
    allowed_blocked: int = 0
    borderline: int = 0
    borderline_flagged: int = 0

    def add(self, label: str, decision: str) -> None:
        flagged, blocked = decision != "allow", decision == "block"
        if label == "prohibited":
            self.prohibited += 1
            self.prohibited_flagged += flagged
            self.prohibited_blocked += blocked
        elif label == "allowed":
            self.allowed += 1
            self.allowed_flagged += flagged
            self.allowed_blocked += blocked
        else:
            self.borderline += 1
            self.borderline_flagged += flagged

    @property
    def flagged_recall(self) -> float | None:
        return _ratio(self.prohibited_flagged, self.prohibited)

    @property
    def blocked_recall(self) -> float | None:
        return _ratio(self.prohibited_blocked, self.prohibited)

    @property
    def blocked_precision(self) -> float | None:
        return _ratio(self.prohibited_blocked, self.prohibited_blocked + self.allowed_blocked)

    @property
    def flagged_precision(self) -> float | None:
        return _ratio(self.prohibited_flagged, self.prohibited_flagged + self.allowed_flagged)

    @property
    def false_positive_rate(self) -> float | None:
        return _ratio(self.allowed_flagged, self.allowed)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def evaluate(
    engine: Engine, rows: Iterable[dict[str, Any]], *, as_of: dt.date, jurisdiction: str | None
) -> dict[str, Tally]:
    """Tallies overall (``all``), per ``class:``, ``lang:`` and ``source:``."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row in rows:
        listing = Listing(str(row["id"]), row["title"], row.get("description"), row.get("category"))
        decision = engine.decide(listing, as_of=as_of, jurisdiction=jurisdiction).decision
        label = row["label"]
        groups = ["all", f"lang:{row.get('lang') or '?'}", f"source:{row.get('source') or '?'}"]
        if row.get("class") and label != "allowed":
            groups.append(f"class:{row['class']}")
        for group in groups:
            tallies[group].add(label, decision)
    return dict(tallies)
