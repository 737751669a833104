"""The per-listing budget: bounded work and bounded evidence, whatever a seller writes."""

from __future__ import annotations

import time
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from proscribe import Verdict
from proscribe.decide.scoring import _nested_spans
from proscribe.detect import Finding
from proscribe.limits import MAX_DESCRIPTION, MAX_EVIDENCE, MAX_TITLE

REPEATED = "Antminer S19 95TH "


def _timed(run: Callable[[], Verdict]) -> tuple[Verdict, float]:
    start = time.perf_counter()
    verdict = run()
    return verdict, time.perf_counter() - start


def test_many_matches_are_decided_in_bounded_time(decide: Callable[..., Verdict]) -> None:
    # every finding was compared with every other: 100,000 characters took ~16 s
    text = (REPEATED * 6000)[:100_000]
    verdict, seconds = _timed(lambda: decide("Antminer", description=text))
    assert verdict.decision == "block"
    assert seconds < 5, f"{seconds:.1f} s for 100,000 characters of repeated terms"


def test_a_long_cjk_title_is_decided_in_bounded_time(decide: Callable[..., Verdict]) -> None:
    # byte offsets were turned into character offsets by decoding a prefix per match: 6.7 s
    verdict, seconds = _timed(lambda: decide("矿机" * (MAX_TITLE // 2)))
    assert verdict.decision != "allow"
    assert seconds < 3, f"{seconds:.1f} s for a {MAX_TITLE:,}-character CJK title"


def test_evidence_is_capped_with_a_count_of_the_rest(decide: Callable[..., Verdict]) -> None:
    verdict = decide("Antminer", description=REPEATED * 2000)
    mine = [f for f in verdict.evidence if f.class_id == "mining-hardware" and f.kind != "model"]
    assert len(mine) == MAX_EVIDENCE  # plus the classifier's tokens, when it voted
    omitted = dict(verdict.omitted)["mining-hardware"]
    assert omitted > 0
    assert verdict.to_record()["evidence_omitted"] == {"mining-hardware": omitted}
    short = decide("Antminer", description=REPEATED * 2)
    assert {f.rule for f in mine} == {f.rule for f in short.evidence if f.kind != "model"}
    assert verdict.score == short.score  # every signal that counted is still shown
    assert any(n.startswith("PSC-B002 description:") for n in verdict.notes)


def test_small_listings_keep_all_evidence_and_no_budget_note(
    decide: Callable[..., Verdict],
) -> None:
    verdict = decide("Antminer S19j Pro 104TH/s")
    assert verdict.omitted == () and verdict.notes == ()
    assert "evidence_omitted" not in verdict.to_record()


def test_text_past_the_budget_is_not_read_and_is_noted(decide: Callable[..., Verdict]) -> None:
    padding = "a plain garden chair " * (MAX_DESCRIPTION // 21 + 1)
    verdict = decide("garden chair", description=padding[:MAX_DESCRIPTION] + " antminer s19")
    assert verdict.decision == "allow"
    assert len(verdict.notes) == 1 and verdict.notes[0].startswith("PSC-B001 description is")
    within = decide("garden chair", description=padding[: MAX_DESCRIPTION - 20] + " antminer s19")
    assert within.decision != "allow" and within.notes == ()


def _brute_nested(findings: list[Finding]) -> set[tuple[str, int, int]]:
    return {
        (f.field, f.start, f.end)
        for f in findings
        if any(
            o.field == f.field
            and o.start <= f.start
            and f.end <= o.end
            and o.end - o.start > f.end - f.start
            for o in findings
        )
    }


spans = st.lists(
    st.tuples(st.sampled_from(["title", "description"]), st.integers(0, 30), st.integers(1, 8)),
    max_size=25,
)


@given(spans)
def test_the_nesting_sweep_agrees_with_the_pairwise_definition(
    raw: list[tuple[str, int, int]],
) -> None:
    findings = [Finding("c", "r", "word", "t", f, "x", s, s + n, 0.5) for f, s, n in raw]
    assert _nested_spans(findings) == _brute_nested(findings)
