from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from proscribe import Engine, Listing, Verdict, load_pack
from proscribe.decide.verdict import DECISIONS
from proscribe.policy.pack import BUNDLED

S19 = "Antminer S19j Pro 104TH/s"


def test_verdict_carries_pack_revision_and_evidence(decide: Callable[..., Verdict]) -> None:
    verdict = decide(S19)
    assert verdict.decision == "block"
    assert verdict.classes == ("mining-hardware",)
    assert (verdict.pack, verdict.revision) == ("cn-crypto-mining-2021", "2021.10.1")
    assert {f.rule for f in verdict.evidence} >= {"asic-makers", "hashrate-th"}
    assert "mining-hardware scored" in verdict.reason
    record = verdict.to_record()
    assert record["as_of"] == "2021-10-20" and record["jurisdiction"] == "CN"


def test_nothing_is_blocked_before_the_effective_date(decide: Callable[..., Verdict]) -> None:
    before = decide(S19, as_of=dt.date(2021, 10, 7))
    assert before.decision == "allow" and before.phase == "pending"
    assert before.notes == ("prohibited from 2021-10-08: would be block as mining-hardware",)
    assert decide(S19, as_of=dt.date(2021, 10, 8)).decision == "block"
    assert decide(S19, as_of=dt.date(2021, 10, 12)).phase == "grace"
    assert decide(S19, as_of=dt.date(2021, 10, 15)).phase == "enforced"


def test_pack_applies_only_in_its_jurisdictions(decide: Callable[..., Verdict]) -> None:
    assert decide(S19, jurisdiction="US").decision == "allow"
    assert decide(S19, jurisdiction=None).decision == "block"  # unknown_jurisdiction: apply


def test_listing_country_is_used_when_no_jurisdiction_is_given(engine: Engine) -> None:
    listing = Listing("1", S19, country="US")
    assert engine.decide(listing, as_of=dt.date(2021, 10, 20)).decision == "allow"
    assert (
        engine.decide(listing, as_of=dt.date(2021, 10, 20), jurisdiction="CN").decision == "block"
    )


def test_withdrawn_pack_and_withdrawn_class_block_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", folder)
    pack_yaml = folder / "pack.yaml"
    pack_yaml.write_text(
        pack_yaml.read_text().replace(
            "  enforced: 2021-10-15\n", "  enforced: 2021-10-15\n  withdrawn: 2023-01-01\n"
        )
    )
    software = folder / "mining-software.yaml"
    software.write_text(
        software.read_text().replace(
            "thresholds: {review: 0.5, block: 0.8}\n",
            "thresholds: {review: 0.5, block: 0.8}\nwithdrawn: 2022-01-01\n",
        )
    )
    engine = Engine(load_pack(folder))
    cloud = Listing("c", "Cloud mining contract 100TH/s 1 year")
    assert engine.decide(cloud, as_of=dt.date(2021, 12, 1)).decision == "block"
    after_class = engine.decide(cloud, as_of=dt.date(2022, 6, 1))
    assert "mining-software" not in after_class.classes
    after_pack = engine.decide(Listing("s", S19), as_of=dt.date(2023, 1, 1))
    assert after_pack.decision == "allow" and after_pack.phase == "withdrawn"


def test_exemption_vetoes_weak_signal_but_not_strong(decide: Callable[..., Verdict]) -> None:
    weak = decide("Commemorative Bitcoin coin, gold plated")
    assert weak.decision == "allow"
    assert weak.adjustments
    assert {a.by for a in weak.adjustments} <= {"souvenirs-and-collectibles", "not-a-currency"}
    strong = decide("Commemorative edition Antminer S19 95TH")
    assert strong.decision == "block"


def test_closed_category_floors_at_review_even_for_harmless_text(
    decide: Callable[..., Verdict],
) -> None:
    closed = "Consumer Electronics > Blockchain Miners"
    assert decide("Unit X1, 3000W", category=closed).decision == "block"
    assert decide("Gold mining pan", category=closed).decision == "review"


def test_misplaced_listing_is_flagged_as_evasion(decide: Callable[..., Verdict]) -> None:
    verdict = decide(S19, category="Home Appliances > Heaters")
    assert [e.signal for e in verdict.evasion] == ["misplaced"]


SAFE_TITLES = st.sampled_from(
    [
        "Yoga mat 6mm",
        "RTX 3070 graphics card",
        "矿泉水 24瓶",
        "Data mining book",
        "Bitcoin For Beginners",
        "Gold mining pan",
    ]
)
PROHIBITED_TERMS = st.sampled_from(
    ["antminer", "矿机", "hash board", "cloud mining", "挖矿教程", "出售usdt", "110th/s"]
)


@settings(max_examples=60, deadline=None)
@given(SAFE_TITLES, PROHIBITED_TERMS)
def test_adding_a_prohibited_term_never_lowers_severity(title: str, term: str) -> None:
    engine = _ENGINE
    as_of = dt.date(2021, 10, 20)
    before = engine.decide(Listing("a", title), as_of=as_of, jurisdiction="CN")
    after = engine.decide(Listing("b", f"{title} {term}"), as_of=as_of, jurisdiction="CN")
    assert DECISIONS.index(after.decision) >= DECISIONS.index(before.decision)
    assert after.score >= before.score


_ENGINE = Engine(load_pack("cn-crypto-mining-2021"))
