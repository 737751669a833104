"""``impact(old, new, listings)``: what a new pack revision would change on a catalogue.

Both revisions decide every listing from one normalisation (``Engine.decide_documents``);
the report counts the transitions (newly blocked, unblocked, newly sent to review, no longer
reviewed) per class and category, keeps examples with both explanations, and names the
sellers whose count of blocked listings would cross a step of the new revision's ladder.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from proscribe.decide import Engine, Verdict
from proscribe.detect import Document
from proscribe.iterate import batched, ordered_map
from proscribe.policy import PolicyPack, load_pack
from proscribe.types import Listing

KINDS = ("newly blocked", "unblocked", "newly sent to review", "no longer reviewed")


def transition(old: str, new: str) -> str | None:
    """The kind of change from ``old`` to ``new`` decision, or ``None`` when there is none."""
    if old == new:
        return None
    if new == "block":
        return "newly blocked"
    if old == "block":
        return "unblocked"
    return "newly sent to review" if new == "review" else "no longer reviewed"


@dataclass
class Impact:
    rows: int = 0
    transitions: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_class: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_category: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    blocked_before: Counter[str] = field(default_factory=Counter)
    blocked_after: Counter[str] = field(default_factory=Counter)
    keep: int = 5

    def add(self, listing: Listing, before: Verdict, after: Verdict) -> None:
        self.rows += 1
        self.transitions[(before.decision, after.decision)] += 1
        if listing.seller_id:
            self.blocked_before[listing.seller_id] += before.decision == "block"
            self.blocked_after[listing.seller_id] += after.decision == "block"
        kind = transition(before.decision, after.decision)
        if kind is None:
            return
        for cls in after.classes or before.classes or ("-",):
            self.by_class[cls][kind] += 1
        self.by_category[listing.category or "-"][kind] += 1
        if len(self.examples[kind]) < self.keep:
            self.examples[kind].append(
                {
                    "id": listing.id,
                    "title": listing.title,
                    "category": listing.category,
                    "before": {"decision": before.decision, "reason": before.reason},
                    "after": {"decision": after.decision, "reason": after.reason},
                }
            )

    def merge(self, other: Impact) -> None:
        """Add ``other`` (the next part of the catalogue) to this report."""
        self.rows += other.rows
        self.transitions.update(other.transitions)
        for mine, theirs in (
            (self.by_class, other.by_class),
            (self.by_category, other.by_category),
        ):
            for key, counts in theirs.items():
                mine[key].update(counts)
        for kind, found in other.examples.items():
            self.examples[kind].extend(found[: self.keep - len(self.examples[kind])])
        self.blocked_before.update(other.blocked_before)
        self.blocked_after.update(other.blocked_after)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(KINDS, 0)
        for (old, new), n in self.transitions.items():
            kind = transition(old, new)
            if kind is not None:
                out[kind] += n
        return out

    def sellers_crossing(self, pack: PolicyPack) -> list[dict[str, Any]]:
        """Sellers whose blocked listings (one strike each) would reach a higher ladder step."""
        if pack.spec.enforcement is None:
            return []
        ladder = sorted(pack.spec.enforcement.ladder, key=lambda s: s.at_strikes)

        def step(strikes: int) -> str:
            reached = [s.step for s in ladder if s.at_strikes <= strikes]
            return reached[-1] if reached else "none"

        out = []
        for seller in sorted(set(self.blocked_after) | set(self.blocked_before)):
            old, new = self.blocked_before[seller], self.blocked_after[seller]
            if step(new) != step(old):
                out.append(
                    {"seller_id": seller, "blocked_before": old, "blocked_after": new,
                     "step_before": step(old), "step_after": step(new)}
                )  # fmt: skip
        return out

    def to_record(self, old: PolicyPack, new: PolicyPack) -> dict[str, Any]:
        return {
            "from": {"id": old.id, "revision": old.revision},
            "to": {"id": new.id, "revision": new.revision},
            "rows": self.rows,
            "changes": self.counts(),
            "transitions": [
                {"before": a, "after": b, "listings": n}
                for (a, b), n in sorted(self.transitions.items())
            ],
            "by_class": {k: dict(v) for k, v in sorted(self.by_class.items())},
            "by_category": {k: dict(v) for k, v in sorted(self.by_category.items())},
            "examples": dict(self.examples),
            "sellers_crossing": self.sellers_crossing(new),
        }


def impact(
    old: Engine,
    new: Engine,
    listings: Iterable[Listing],
    *,
    as_of: dt.date,
    jurisdiction: str | None,
    keep: int = 5,
    chunk: int = 1000,
    workers: int = 1,
) -> Impact:
    """Decide every listing under both revisions (one normalisation) and tally the changes.

    With ``workers`` > 1, chunks are decided in that many processes (each builds both engines
    from the packs' folders once) and the parts merged in input order: the same report.
    """
    report = Impact(keep=keep)
    batches = batched(listings, chunk)
    if workers <= 1:
        for batch in batches:
            report.merge(_tally((old, new), batch, as_of, jurisdiction, keep))
        return report
    paths = (old.pack.path, new.pack.path)
    task = partial(_tally_here, as_of=as_of, jurisdiction=jurisdiction, keep=keep)
    with ProcessPoolExecutor(workers, initializer=_init_engines, initargs=paths) as pool:
        for part in ordered_map(pool, task, batches, workers * 2):
            report.merge(part)
    return report


def _tally(
    engines: tuple[Engine, Engine],
    batch: list[Listing],
    as_of: dt.date,
    jurisdiction: str | None,
    keep: int,
) -> Impact:
    part = Impact(keep=keep)
    docs = [Document.of(x) for x in batch]
    before = engines[0].decide_documents(docs, as_of=as_of, jurisdiction=jurisdiction)
    after = engines[1].decide_documents(docs, as_of=as_of, jurisdiction=jurisdiction)
    for listing, a, b in zip(batch, before, after, strict=True):
        part.add(listing, a, b)
    return part


_ENGINES: tuple[Engine, Engine] | None = None


def _init_engines(old: Path, new: Path) -> None:
    global _ENGINES
    _ENGINES = (Engine(load_pack(old)), Engine(load_pack(new)))


def _tally_here(
    batch: list[Listing], *, as_of: dt.date, jurisdiction: str | None, keep: int
) -> Impact:
    assert _ENGINES is not None, "the worker's engines are built by _init_engines"
    return _tally(_ENGINES, batch, as_of, jurisdiction, keep)
