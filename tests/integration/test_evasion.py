"""The evasion suite (tests/fixtures/evasion.yaml × every trick): detection holds, twins pass.

Targets: recall ≥ 0.95 overall and ≥ 0.90 per kind; ≥ 97% of the harmless twins allowed; the
tricks that hide a word are reported as ``obfuscated`` and goods in a foreign category as
``misplaced``, so enforcement can punish them harder; goods in their own category never are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import pytest
from tests.evasion_suite import EVASIVE, WRITTEN, Case, cases, honest_categories

from proscribe import Engine, Listing, Verdict


@dataclass
class Tally:
    prohibited: int = 0
    flagged: int = 0
    twins: int = 0
    twins_allowed: int = 0
    signalled: int = 0

    @property
    def recall(self) -> float:
        return self.flagged / self.prohibited


@pytest.fixture(scope="module")
def results(engine: Engine) -> list[tuple[Case, Verdict]]:
    suite = list(cases())
    listings = [Listing(f"e{n}", c.title, category=c.category) for n, c in enumerate(suite)]
    verdicts = engine.decide_batch(listings, as_of=dt.date(2021, 10, 20), jurisdiction="CN")
    return list(zip(suite, verdicts, strict=True))


@pytest.fixture(scope="module")
def tallies(results: list[tuple[Case, Verdict]]) -> dict[str, Tally]:
    by: dict[str, Tally] = defaultdict(Tally)
    for case, verdict in results:
        for key in (case.trick, "all"):
            t = by[key]
            if case.prohibited:
                t.prohibited += 1
                t.flagged += verdict.decision != "allow"
                t.signalled += _signalled(case, verdict)
            else:
                t.twins += 1
                t.twins_allowed += verdict.decision == "allow"
    return by


def _signalled(case: Case, verdict: Verdict) -> bool:
    wanted = "misplaced" if case.trick == "misplaced" else "obfuscated"
    return any(e.signal == wanted for e in verdict.evasion)


def test_the_suite_is_large_and_paired(results: list[tuple[Case, Verdict]]) -> None:
    prohibited = [c for c, _ in results if c.prohibited]
    assert len(results) >= 300
    assert len(prohibited) * 2 == len(results)  # every prohibited listing has its twin


def test_recall_overall_and_per_trick(tallies: dict[str, Tally]) -> None:
    assert tallies["all"].recall >= 0.95
    weak = {k: round(t.recall, 3) for k, t in tallies.items() if t.recall < 0.90}
    assert not weak, f"kinds under 0.90 recall: {weak}"


def test_every_kind_of_the_issue_is_in_the_suite(tallies: dict[str, Tally]) -> None:
    for kind in (*WRITTEN, "uts39-look-alikes"):
        assert tallies[kind].prohibited >= 5 and tallies[kind].twins >= 5, kind


def test_twins_stay_allowed(tallies: dict[str, Tally]) -> None:
    t = tallies["all"]
    assert t.twins_allowed / t.twins >= 0.97
    for kind in ("compounds", "typos", "pinyin", "shapes", "vouchers", "ambiguous", "precedence"):
        k = tallies[kind]
        assert k.twins_allowed == k.twins, kind  # the new kinds: every twin allowed


def test_goods_in_their_own_category_are_never_misplaced(engine: Engine) -> None:
    listings = [
        Listing(f"h{n}", title, category=category)
        for n, (title, category) in enumerate(honest_categories())
    ]
    verdicts = engine.decide_batch(listings, as_of=dt.date(2021, 10, 20), jurisdiction="CN")
    assert all(v.decision != "allow" for v in verdicts)
    misplaced = [v.category for v in verdicts if any(e.signal == "misplaced" for e in v.evasion)]
    assert not misplaced


def test_hiding_a_word_is_reported_as_obfuscated(tallies: dict[str, Tally]) -> None:
    for trick in EVASIVE:
        t = tallies[trick]
        assert t.signalled / t.flagged >= 0.85, trick


def test_a_foreign_category_is_reported_as_misplaced(tallies: dict[str, Tally]) -> None:
    t = tallies["misplaced"]
    assert t.signalled / t.flagged >= 0.85
