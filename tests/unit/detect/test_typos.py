"""One-edit typos of long Latin terms: compiled, weighed, named, never English words."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import ENFORCED, PACK_ID, edit_text

from proscribe import Engine, Listing, Verdict, load_pack
from proscribe.detect.typos import is_typo, typo_regex
from proscribe.policy.pack import BUNDLED


@pytest.mark.parametrize(
    "written", ["antminr", "antmminer", "anmtiner", "antmixer", "antminner", "antminners"]
)
def test_every_kind_of_one_edit_matches(written: str) -> None:
    assert re.fullmatch(typo_regex("antminer"), written)


def test_two_edits_do_not_match() -> None:
    assert re.search(typo_regex("antminer"), "anmtinr s19") is None


def test_english_words_and_the_word_itself_are_not_typos() -> None:
    assert not is_typo("jasmine", "jasminer") and not is_typo("jasmines", "jasminer")
    assert not is_typo("antminer", "antminer") and not is_typo("antminers", "antminer")
    assert is_typo("antminner", "antminer")


@pytest.mark.parametrize("title", ["antminner s19", "Whatsminr M30S", "innosilcon a11 pro"])
def test_a_typo_is_evidence_with_its_own_weight_and_is_named(
    decide: Callable[..., Verdict], title: str
) -> None:
    verdict = decide(title)
    assert verdict.decision != "allow"
    typos = [f for f in verdict.evidence if "typo" in f.tricks]
    assert typos and all(f.weight == 0.6 for f in typos)
    assert any(e.signal == "obfuscated" and "typo" in e.detail for e in verdict.evasion)


def test_a_typo_with_a_hash_rate_blocks(decide: Callable[..., Verdict]) -> None:
    assert decide("antminner s19 95TH/s").decision == "block"


@pytest.mark.parametrize("title", ["Jasmine tea 500g", "jasmines scented candle", "Antminer S19"])
def test_no_typo_finding_on_english_words_or_exact_terms(
    decide: Callable[..., Verdict], title: str
) -> None:
    assert not [f for f in decide(title).evidence if "typo" in f.tricks]


def test_the_pack_can_turn_typos_off(tmp_path: Path) -> None:
    folder = tmp_path / PACK_ID
    shutil.copytree(BUNDLED / PACK_ID, folder)
    edit_text(folder / "pack.yaml", "matching: {typos: true,", "matching: {typos: false,")
    engine = Engine(load_pack(folder))
    verdict = engine.decide(Listing("t", "antminner s19"), as_of=ENFORCED, jurisdiction="CN")
    assert not [f for f in verdict.evidence if "typo" in f.tricks]
