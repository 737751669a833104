"""Measure the engine on labelled listings (the format of ``shared/data/dev``).

A listing is *flagged* when its verdict is review or block, *blocked* when block.
Borderline rows are kept out of precision and recall and counted on their own.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import orjson

from proscribe.decide import Engine, Verdict
from proscribe.errors import CatalogueError, Diagnostic, Location
from proscribe.iterate import batched
from proscribe.types import Listing

LABELS = ("prohibited", "allowed", "borderline")


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
    def flagged_f1(self) -> float | None:
        return _f1(self.flagged_precision, self.flagged_recall)

    @property
    def blocked_f1(self) -> float | None:
        return _f1(self.blocked_precision, self.blocked_recall)

    @property
    def false_positive_rate(self) -> float | None:
        return _ratio(self.allowed_flagged, self.allowed)

    def to_record(self) -> dict[str, Any]:
        derived = (
            "flagged_recall",
            "blocked_recall",
            "flagged_precision",
            "blocked_precision",
            "flagged_f1",
            "blocked_f1",
            "false_positive_rate",
        )
        return {**asdict(self), **{name: getattr(self, name) for name in derived}}


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None or precision + recall == 0:
        return None
    return 2 * precision * recall / (precision + recall)


@dataclass
class Report:
    """Tallies per group, and the worst misses and false alarms with their explanations."""

    worst: int = 10
    rows: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: dict[str, Any], verdict: Verdict) -> None:
        self.rows += 1
        label, decision = row["label"], verdict.decision
        for group in _groups(row):
            self.tallies[group].add(label, decision)
        shown = {
            "id": row["id"],
            "title": row["title"],
            "class": row.get("class"),
            "decision": decision,
            "score": round(verdict.score, 3),
            "reason": verdict.reason,
        }
        if label == "prohibited" and decision == "allow":
            self._keep(self.misses, shown, highest=False)
        elif label == "allowed" and decision != "allow":
            self._keep(self.false_alarms, shown, highest=True)

    def _keep(self, bucket: list[dict[str, Any]], row: dict[str, Any], *, highest: bool) -> None:
        """The worst: misses with the lowest scores, false alarms with the highest."""
        bucket.append(row)
        bucket.sort(key=lambda r: r["score"], reverse=highest)
        del bucket[self.worst :]

    def ordered(self) -> list[tuple[str, Tally]]:
        return sorted(self.tallies.items(), key=lambda kv: (kv[0] != "all", kv[0]))

    def gates(self, *, min_precision: float | None, min_recall: float | None) -> list[str]:
        total = self.tallies["all"]
        failed = []
        if min_precision is not None and (total.blocked_precision or 0.0) < min_precision:
            failed.append(f"blocked precision {total.blocked_precision} < {min_precision}")
        if min_recall is not None and (total.flagged_recall or 0.0) < min_recall:
            failed.append(f"flagged recall {total.flagged_recall} < {min_recall}")
        return failed

    def to_record(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "groups": {g: t.to_record() for g, t in self.ordered()},
            "worst_misses": self.misses,
            "worst_false_alarms": self.false_alarms,
        }


def evaluate(
    engine: Engine, rows: Iterable[dict[str, Any]], *, as_of: dt.date, jurisdiction: str | None
) -> dict[str, Tally]:
    """Tallies overall (``all``), per ``class:``, ``lang:`` and ``source:``."""
    report = Report()
    _add_all(report, engine, rows, as_of, jurisdiction)
    return report.tallies


def evaluate_file(
    engine: Engine, path: Path, *, as_of: dt.date, jurisdiction: str | None, worst: int = 10
) -> Report:
    """Evaluate a JSON Lines file of labelled listings; a malformed row is a clear error."""
    report = Report(worst=worst)
    _add_all(report, engine, read_labelled(path), as_of, jurisdiction)
    return report


def _add_all(
    report: Report,
    engine: Engine,
    rows: Iterable[dict[str, Any]],
    as_of: dt.date,
    jurisdiction: str | None,
) -> None:
    """Decide in batches (the classifier scores a batch in one pass), then tally each row."""
    for chunk in batched(rows, 1000):
        listings = [_listing(row) for row in chunk]
        verdicts = engine.decide_batch(listings, as_of=as_of, jurisdiction=jurisdiction)
        for row, verdict in zip(chunk, verdicts, strict=True):
            report.add(row, verdict)


def _listing(row: dict[str, Any]) -> Listing:
    return Listing(str(row["id"]), row["title"], row.get("description"), row.get("category"))


def read_labelled(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of a labelled JSON Lines file, checked one by one (PSC-C007, PSC-C014)."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise CatalogueError(
            Diagnostic(
                "PSC-C001",
                f"cannot read the labelled file: {exc.strerror}",
                Location(str(path)),
                "check the path",
            )
        ) from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield _checked(raw, path, number)


def _checked(raw: bytes, path: Path, number: int) -> dict[str, Any]:
    try:
        row = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CatalogueError(
            Diagnostic(
                "PSC-C007",
                f"not valid JSON: {exc}",
                Location(str(path), number),
                "one labelled listing per line",
            )
        ) from exc
    if not isinstance(row, dict) or row.get("label") not in LABELS or not row.get("title"):
        raise CatalogueError(
            Diagnostic(
                "PSC-C014",
                "a labelled row needs id, title and label (prohibited, allowed or borderline)",
                Location(str(path), number),
                "use the format of shared/data/dev (see its README)",
            )
        )
    return row


def _groups(row: dict[str, Any]) -> list[str]:
    groups = ["all", f"lang:{row.get('lang') or '?'}", f"source:{row.get('source') or '?'}"]
    if row.get("class") and row["label"] != "allowed":
        groups.append(f"class:{row['class']}")
    return groups
