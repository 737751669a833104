from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from proscribe import PolicyPack, Verdict
from proscribe.detect.compile import pack_joints, pinyin_of, word_regex
from proscribe.detect.terms import TermRecognizer


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


@pytest.mark.parametrize(
    "title",
    [
        "Ant Miner S19 95TH",
        "ANT-MINER L7 9500MH",
        "ant_miner s19j pro",
        "Antminer_S19",
        "Whats Miner M30S",
        "whats-miner m50s",
    ],
)
def test_terms_match_across_separators_and_natural_joints(
    decide: Callable[..., Verdict], title: str
) -> None:
    verdict = decide(title)
    assert verdict.decision == "block", title
    assert "asic-makers" in {f.rule for f in verdict.evidence}
    assert verdict.evasion == ()  # spaces and underscores are how people write, not tricks


def test_a_joint_is_the_head_of_a_compound_not_any_prefix(pack: PolicyPack) -> None:
    joints = pack_joints(pack)
    assert "miner" in joints
    assert word_regex("antminer", joints=joints) == r"\bant[\s\-_./]*miner(?:s|es)?\b"
    assert word_regex("ethereum", joints=joints) == r"\bethereum(?:s|es)?\b"


def test_pinyin_of_every_chinese_term_is_generated(pack: PolicyPack) -> None:
    assert pinyin_of("矿机") == "kuang ji"
    assert pinyin_of("挖矿教程") == "wa kuang jiao cheng"
    assert pinyin_of("矿") is None and pinyin_of("antminer") is None
    assert pinyin_of("蚂蚁") is None and pinyin_of("收币") is None  # "ma yi", "shou bi": too short
    terms = {e.term for e in TermRecognizer(pack).compiled.entries}
    written = {w for c in pack.classes for s in c.signals for ws in s.words.values() for w in ws}
    for word in written:
        spelled = pinyin_of(word)
        if spelled is not None:
            assert spelled in terms or spelled.replace(" ", "") in terms, word


def test_generated_pinyin_catches_what_no_one_wrote(decide: Callable[..., Verdict]) -> None:
    assert decide("chu shou tai da bi, dang tian dao zhang").classes == ("virtual-currency",)
    assert decide("wa kuang jiao cheng xin shou").classes[:1] == ("crypto-tutorials",)
    assert decide("kuang quan shui 24 ping").decision == "allow"  # 矿泉水, an exemption
