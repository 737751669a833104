"""``misplaced`` means evasion: only the deciding class, blocked or confident, in a known
category where it is not expected. Honest sellers in the miners' own categories never get it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ENFORCED, PACK_ID, edit_text

from proscribe import Engine, Listing, Verdict, load_pack
from proscribe.policy.pack import BUNDLED

HEATERS = "Home Appliances > Heaters"


def _misplaced(verdict: Verdict) -> list[str]:
    return [e.detail for e in verdict.evasion if e.signal == "misplaced"]


def test_a_blocked_miner_in_a_foreign_category_is_misplaced_and_says_why(
    decide: Callable[..., Verdict],
) -> None:
    verdict = decide("Antminer S19j Pro 100TH", category=HEATERS)
    (detail,) = _misplaced(verdict)
    assert f"listed under '{HEATERS}'" in detail
    assert "deciding class mining-hardware (blocked)" in detail
    assert "Blockchain Miners" in detail


def test_a_secondary_class_never_makes_a_listing_misplaced(
    decide: Callable[..., Verdict],
) -> None:
    """A Whatsminer with a tutorial in the miners' category: tutorials are not expected
    there, but the miner decides the listing, and miners are expected there."""
    verdict = decide(
        "Whatsminer M30S 112TH + bitcoin trading course",
        category="Consumer Electronics > Blockchain Miners",
    )
    assert set(verdict.classes) == {"mining-hardware", "crypto-tutorials"}
    assert verdict.classes[0] == "mining-hardware"
    assert not _misplaced(verdict)


def test_the_miners_real_categories_in_english_and_chinese_are_expected(
    decide: Callable[..., Verdict],
) -> None:
    for category in (
        "Consumer Electronics > Blockchain Miners",
        "Computers/Tablets & Networking > Virtual Currency Miners",
        "电脑 > 显卡",
        "数码 > 区块链矿机",
        "Computer Components > Graphics Cards",
    ):
        verdict = decide("Antminer S19j Pro 100TH, 8 GPU mining rig", category=category)
        assert verdict.decision == "block"
        assert not _misplaced(verdict), category


def test_a_review_is_a_doubt_not_evasion(decide: Callable[..., Verdict]) -> None:
    verdict = decide("8 GPU RTX 3070 high hashrate bundle", category=HEATERS)
    assert verdict.decision == "review" and verdict.score < 0.8
    assert not _misplaced(verdict)


def test_without_a_category_nothing_is_misplaced(decide: Callable[..., Verdict]) -> None:
    assert not _misplaced(decide("Antminer S19j Pro 100TH"))
    assert not _misplaced(decide("Antminer S19j Pro 100TH", category="  "))


def test_the_pack_declares_the_confidence_that_counts(tmp_path: Path) -> None:
    """With ``misplaced_confidence`` at the review threshold, a confident review counts."""
    folder = tmp_path / PACK_ID
    shutil.copytree(BUNDLED / PACK_ID, folder)
    edit_text(folder / "pack.yaml", "misplaced_confidence: 0.8", "misplaced_confidence: 0.5")
    engine = Engine(load_pack(folder))
    listing = Listing("t", "8 GPU RTX 3070 high hashrate bundle", category=HEATERS)
    verdict = engine.decide(listing, as_of=ENFORCED, jurisdiction="CN")
    assert verdict.decision == "review"
    (detail,) = _misplaced(verdict)
    assert "deciding class mining-hardware (scored 0." in detail
