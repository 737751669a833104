"""The per-listing budget: bounded work and bounded evidence, whatever a seller writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from proscribe import Verdict
from proscribe.decide.scoring import _nested_spans
from proscribe.detect import Finding
from proscribe.limits import MAX_DESCRIPTION, MAX_EVIDENCE, MAX_READ, MAX_TITLE

REPEATED = "Antminer S19 95TH "
EARLY = dt.date(2021, 9, 1)  # before the bundled pack's effective date


# Time is measured in bench/hostile.py (linear growth, 1 KB … 1 MB), never asserted here: these
# tests pin what bounds the work — matches weighed per expression, spans kept per class, text
# read per field — and the sweep that replaced the pairwise comparison (property test below).


def test_many_matches_are_weighed_on_a_bounded_number(decide: Callable[..., Verdict]) -> None:
    # every finding was compared with every other: 100,000 characters took ~16 s
    text = (REPEATED * 6000)[:100_000]
    verdict = decide("Antminer", description=text)
    assert verdict.decision == "block"
    assert any(n.startswith("PSC-B002 description:") for n in verdict.notes)


def test_a_long_cjk_title_is_decided_on_character_offsets(decide: Callable[..., Verdict]) -> None:
    # byte offsets were turned into character offsets by decoding a prefix per match: 6.7 s
    title = "矿机" * (MAX_TITLE // 2)
    verdict = decide(title)
    assert verdict.decision != "allow"
    spans = [f for f in verdict.evidence if f.kind != "model" and f.field == "title"]
    assert spans and all(title[f.start : f.end] == f.text for f in spans)  # characters, not bytes


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


def test_text_past_the_budget_is_not_read_but_never_allowed(
    decide: Callable[..., Verdict],
) -> None:
    padding = "a plain garden chair " * (MAX_READ // 21 + 1)
    hidden = decide("garden chair", description=padding[:MAX_READ] + " antminer s19")
    assert hidden.decision == "review" and hidden.classes == ()  # a person reads the rest
    assert len(hidden.notes) == 1 and hidden.notes[0].startswith("PSC-B001 description is")
    assert "per-listing budget" in hidden.reason
    within = decide("garden chair", description=padding[: MAX_READ - 20] + " antminer s19")
    assert within.decision != "allow" and within.notes == ()
    honest = decide("garden chair", description=padding[: MAX_READ - 20])
    assert honest.decision == "allow" and honest.notes == ()
    early = decide("garden chair", description=padding[:MAX_READ] + " antminer s19", as_of=EARLY)
    assert early.decision == "allow"  # before the ban takes effect nothing is held back


def test_a_listing_at_the_acceptance_limit_is_read_up_to_the_budget(
    decide: Callable[..., Verdict],
) -> None:
    verdict = decide("Antminer S19", description="x" * MAX_DESCRIPTION)
    assert verdict.decision == "block"
    assert verdict.notes[0].startswith(f"PSC-B001 description is {MAX_DESCRIPTION:,} characters")


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
