from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from proscribe import Verdict
from proscribe.detect.compile import word_regex


@pytest.mark.parametrize(
    ("word", "text", "hit"),
    [
        ("miner", "asic miner for sale", True),
        ("miner", "minerals and rocks", False),
        ("mining rig", "8 gpu mining-rig", True),
        ("mining rig", "miningrig frame", True),
        ("btc", "abtcd", False),
        ("矿机", "二手矿机出售", True),
        ("bos+", "bos+ firmware", True),
    ],
)
def test_word_regex_respects_word_boundaries_for_latin_only(
    word: str, text: str, hit: bool
) -> None:
    assert (re.search(word_regex(word), text) is not None) is hit


def test_evidence_offsets_point_into_the_original_field(decide: Callable[..., Verdict]) -> None:
    title = "Brand new Аnt\u200bminer S19 110TH/s"
    verdict = decide(title)
    for finding in verdict.evidence:
        if finding.kind != "rule":
            assert title[finding.start : finding.end] == finding.text


def test_description_evidence_names_its_field(decide: Callable[..., Verdict]) -> None:
    verdict = decide("Quiet home server", description="Whatsminer M30S, 100TH/s, pays daily")
    assert verdict.decision == "block"
    terms = [f for f in verdict.evidence if f.kind != "model"]  # the model reads both fields
    assert terms and {f.field for f in terms} == {"description"}


def test_match_only_after_deobfuscation_is_an_evasion_signal(
    decide: Callable[..., Verdict],
) -> None:
    plain = decide("Antminer S19")
    hidden = decide("A n t m i n e r S19")
    assert plain.evasion == ()
    assert [e.signal for e in hidden.evasion] == ["obfuscated"]
    assert "split-letters" in hidden.evasion[0].detail


def test_traditional_chinese_and_fullwidth_are_not_evasion(decide: Callable[..., Verdict]) -> None:
    assert decide("礦機 螞蟻 S19 95T").evasion == ()
    assert decide("Ａｎｔｍｉｎｅｒ Ｓ１９").evasion == ()
