"""The classifier's vote: flags what no term names, defers to strong exemptions, is explained."""

from __future__ import annotations

from collections.abc import Callable

from proscribe import PolicyPack, Verdict
from proscribe.decide.scoring import ModelVote, score_class
from proscribe.detect import Finding
from proscribe.policy.schema import Thresholds

LIMITS = Thresholds(review=0.3, block=0.9)


def _vote(p: float) -> ModelVote:
    evidence = Finding("mining-hardware", "model", "model", "m", "title", "0th", 0, 3, p)
    return ModelVote(p, LIMITS, evidence)


def _exemption(weight: float) -> Finding:
    return Finding("*", "industrial-mining", "exemption", "ore", "title", "ore", 5, 8, weight)


def test_a_model_vote_alone_decides_by_its_thresholds(pack: PolicyPack) -> None:
    cls = pack.get_class("mining-hardware")
    assert score_class(cls, [], [], _vote(0.2)).decision == "allow"
    review = score_class(cls, [], [], _vote(0.5))
    assert (review.decision, review.by_model, review.probability) == ("review", True, 0.5)
    assert [f.kind for f in review.evidence] == ["model"]
    assert score_class(cls, [], [], _vote(0.95)).decision == "block"


def test_an_exemption_vetoes_a_weak_model_vote_but_not_a_strong_one(pack: PolicyPack) -> None:
    cls = pack.get_class("mining-hardware")
    weak = score_class(cls, [], [_exemption(0.9)], _vote(0.6))
    assert weak.decision == "allow"
    assert (
        weak.adjustments and "vetoed by exemption 'industrial-mining'" in weak.adjustments[0].reason
    )
    strong = score_class(cls, [], [_exemption(0.9)], _vote(0.97))
    assert strong.decision == "block"


def test_a_vote_never_weakens_the_rules(pack: PolicyPack) -> None:
    cls = pack.get_class("mining-hardware")
    word = Finding(
        "mining-hardware", "asic-brands", "word", "antminer", "title", "Antminer", 0, 8, 0.9
    )
    with_rules = score_class(cls, [word], [], _vote(0.1))
    assert with_rules.decision == "block" and with_rules.probability == 0.1


def test_no_term_but_a_confident_model_flags_the_listing(decide: Callable[..., Verdict]) -> None:
    verdict = decide("Silent hashing box 120TH, daily BTC payouts")  # no algorithm: no shape
    assert verdict.decision != "allow" and verdict.classes == ("mining-hardware",)
    assert [f.kind for f in verdict.evidence] == ["model"]  # no term, no pattern: the model
    model = verdict.evidence[0]
    assert model.weight is not None and model.weight >= 0.7
    assert "the classifier gives" in verdict.reason and model.term in verdict.reason


def test_verdicts_carry_every_class_probability(decide: Callable[..., Verdict]) -> None:
    record = decide("Stainless steel water bottle 750 ml").to_record()
    probabilities = record["probabilities"]
    assert isinstance(probabilities, dict)
    assert set(probabilities) == set(record["scores"])  # type: ignore[arg-type]
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())
    assert record["decision"] == "allow"
