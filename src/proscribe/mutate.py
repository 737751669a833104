"""``proscribe test --mutate``: does a pack still catch its own cases once a seller disguises them?

For every case that expects review or block (and that passes as written), each trick of
:mod:`proscribe.tricks` rewrites the words the verdict found (split letters, punctuation
inside words, leetspeak, look-alike letters, full width, invisible characters, Traditional
Chinese, pinyin, ``_``/``-`` joining, a one-letter typo); the variant is *caught* when it is
still flagged. Allowed cases get the same tricks on all their words as *twins*, which must
stay allowed. Seeded: the same variants on every run.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from proscribe.cases import Case, load_cases
from proscribe.decide import Engine, Verdict
from proscribe.tricks import TRICKS, Trick
from proscribe.types import Listing

_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]{2,}|[\u3400-\u9fff]+")


@dataclass(frozen=True, slots=True)
class Variant:
    file: str
    case: str
    trick: str
    expected: str  # the case's decision
    title: str  # the disguised title
    decision: str

    @property
    def twin(self) -> bool:
        return self.expected == "allow"

    @property
    def held(self) -> bool:
        """Caught (still flagged), or for a twin: still allowed."""
        return (self.decision == "allow") == self.twin


@dataclass
class TrickStats:
    variants: int = 0
    caught: int = 0
    twins: int = 0
    false_alarms: int = 0

    @property
    def recall(self) -> float | None:
        return self.caught / self.variants if self.variants else None


@dataclass
class MutationReport:
    variants: list[Variant] = field(default_factory=list)

    def per_trick(self) -> dict[str, TrickStats]:
        stats = {name: TrickStats() for name in TRICKS}
        for v in self.variants:
            s = stats[v.trick]
            if v.twin:
                s.twins += 1
                s.false_alarms += not v.held
            else:
                s.variants += 1
                s.caught += v.held
        return stats

    @property
    def recall(self) -> float | None:
        flagged = [v for v in self.variants if not v.twin]
        return sum(v.held for v in flagged) / len(flagged) if flagged else None

    def to_record(self) -> dict[str, object]:
        return {
            "recall": self.recall,
            "tricks": {
                name: {**vars(s), "recall": s.recall} for name, s in self.per_trick().items()
            },
            "missed": [vars_of(v) for v in self.variants if not v.held],
        }


def vars_of(v: Variant) -> dict[str, str]:
    return {
        "file": v.file,
        "case": v.case,
        "trick": v.trick,
        "title": v.title,
        "expected": v.expected,
        "decision": v.decision,
    }


def mutate_file(engine: Engine, path: Path, *, seed: int = 0) -> list[Variant]:
    """The disguised variants of the cases in ``path`` and how the pack decided them."""
    cases = load_cases(path, engine.pack)
    found: list[Variant] = []
    for case in cases.cases:
        as_of = case.as_of or cases.defaults.as_of or engine.pack.spec.phases.effective
        place = case.jurisdiction or cases.defaults.jurisdiction
        run = _Run(engine, case, as_of, place)
        base = run.decide(case.title)
        if base.decision != case.expect:
            continue  # a failing case is `proscribe test`'s finding, not a mutation's
        targets = _targets(base, case)
        for name, trick in TRICKS.items():
            rng = random.Random(zlib.crc32(f"{seed}:{path.name}:{case.name}:{name}".encode()))
            title = _disguise(case.title, targets, partial(_call, trick, rng))
            if title is not None:
                decision = run.decide(title).decision
                found.append(Variant(path.name, case.name, name, case.expect, title, decision))
    return found


@dataclass(frozen=True)
class _Run:
    engine: Engine
    case: Case
    as_of: dt.date
    place: str | None

    def decide(self, title: str) -> Verdict:
        listing = Listing("mutant", title, self.case.description, self.case.category)
        return self.engine.decide(listing, as_of=self.as_of, jurisdiction=self.place)


def _targets(verdict: Verdict, case: Case) -> list[str]:
    """What a seller would disguise: the words the verdict found in the title (all words of
    an allowed case's title)."""
    if case.expect != "allow":
        found = {
            f.text for f in verdict.evidence if f.field == "title" and f.kind in ("word", "pattern")
        }
        found = {t for t in found if t in case.title}
        if found:
            return sorted(found, key=lambda t: (-len(t), t))  # no set order: seeded runs agree
    return _WORDS.findall(case.title)


def _call(trick: Trick, rng: random.Random, word: str) -> str | None:
    return trick(word, rng)


def _disguise(title: str, targets: list[str], trick: Callable[[str], str | None]) -> str | None:
    changed = title
    applied = False
    for target in targets:
        if target not in changed:
            continue
        new = trick(target)
        if new is not None and new != target:
            changed = changed.replace(target, new, 1)
            applied = True
    return changed if applied else None
