"""Per-country overrides: loading, precedence, the effective pack and how it decides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from tests.conftest import edit_text, overridden_pack

from proscribe import Engine, Listing, PackError, load_pack
from proscribe.policy.diff import diff_packs

TUTORIAL = Listing("t1", "How to mine bitcoin: a beginner's course", seller_id="s1")
MINER = Listing("m1", "Antminer S19 95TH bitcoin miner", seller_id="s2")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return overridden_pack(tmp_path / "pack")


def _errors(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [d.render() for d in caught.value.diagnostics]


def test_effective_pack_applies_only_the_overrides_of_that_country(folder: Path) -> None:
    pack = load_pack(folder)
    assert pack.effective("US") is pack and pack.effective(None) is pack
    domestic = pack.effective("cn")
    assert domestic.applied == ("cn-domestic",)
    assert domestic.spec.phases.enforced == dt.date(2021, 10, 10)
    assert domestic.get_class("crypto-tutorials").thresholds.block == 0.5
    assert pack.get_class("crypto-tutorials").thresholds.block == 0.8  # the global one is kept
    wholesale = pack.effective("HK")
    assert wholesale.applies_in("HK") and not pack.applies_in("HK")
    assert wholesale.get_class("virtual-currency").withdrawn == dt.date.min
    assert pack.effective("CN") is domestic  # built once


def test_higher_priority_wins_where_two_overrides_meet(folder: Path) -> None:
    (folder / "late.override.yaml").write_text(
        "id: cn-late\ntitle: t\njurisdictions: [CN]\npriority: 30\n"
        "classes:\n  crypto-tutorials: {applies: false}\n",
        encoding="utf-8",
    )
    (folder / "early.override.yaml").write_text(
        "id: cn-early\ntitle: t\njurisdictions: [CN]\npriority: 5\n"
        "classes:\n  crypto-tutorials: {thresholds: {review: 0.9, block: 0.95}}\n",
        encoding="utf-8",
    )
    edit_text(
        folder / "pack.yaml",
        "domestic.override.yaml]",
        "domestic.override.yaml, late.override.yaml, early.override.yaml]",
    )
    pack = load_pack(folder).effective("CN")
    assert pack.applied == ("cn-early", "cn-domestic", "cn-late")  # lowest priority first
    tutorials = pack.get_class("crypto-tutorials")
    assert tutorials.thresholds.block == 0.5  # domestic (20) over early (5)
    assert tutorials.withdrawn == dt.date.min  # late (30) lifts it over both


def test_a_higher_override_can_put_a_lifted_class_back(folder: Path) -> None:
    (folder / "back.override.yaml").write_text(
        "id: hk-back\ntitle: t\njurisdictions: [HK]\npriority: 40\n"
        "classes:\n  virtual-currency: {applies: true}\n",
        encoding="utf-8",
    )
    edit_text(
        folder / "pack.yaml",
        "domestic.override.yaml]",
        "domestic.override.yaml, back.override.yaml]",
    )
    pack = load_pack(folder).effective("HK")
    assert pack.get_class("virtual-currency").withdrawn is None
    assert pack.get_class("crypto-tutorials").withdrawn == dt.date.min


def test_engine_decides_each_listing_under_its_country(folder: Path) -> None:
    engine = Engine(load_pack(folder))
    on = dt.date(2021, 10, 12)  # enforced in CN (domestic date), grace elsewhere
    listings = [
        Listing("cn", TUTORIAL.title, country="CN"),
        Listing("hk", TUTORIAL.title, country="HK"),
        Listing("hk-miner", MINER.title, country="HK"),
        Listing("us", TUTORIAL.title, country="US"),
    ]
    cn, hk, hk_miner, us = engine.decide_batch(listings, as_of=on)
    assert (cn.decision, cn.phase) == ("block", "enforced")
    assert "cn-domestic" in cn.reason
    assert hk.decision == "allow"
    assert "crypto-tutorials would be block but is lifted here by hk-wholesale" in hk.reason
    assert (hk_miner.decision, hk_miner.phase) == ("block", "grace")  # pack extended to HK
    assert us.decision == "allow" and "does not apply in US" in us.reason
    # the same listing decided alone gets the same verdict as in a mixed batch
    assert engine.decide(listings[1], as_of=on).to_record() == hk.to_record()


def test_unknown_class_and_shared_priority_are_named_with_their_file(folder: Path) -> None:
    edit_text(folder / "domestic.override.yaml", "crypto-tutorials:", "crypto-tutorial:")
    edit_text(folder / "wholesale.override.yaml", "priority: 10", "priority: 20")
    errors = _errors(folder)
    assert any(
        "PSC-P040" in e and "domestic.override.yaml" in e and "crypto-tutorial" in e for e in errors
    )
    shared = [e for e in errors if "PSC-P042" in e]
    assert len(shared) == 1 and "domestic.override.yaml" in shared[0]  # the second one listed
    assert "hk-wholesale" in shared[0] and "cn-domestic" in shared[0]


def test_override_dates_out_of_order_and_missing_file_are_refused(folder: Path) -> None:
    edit_text(folder / "domestic.override.yaml", "enforced: 2021-10-10", "enforced: 2021-10-01")
    assert any("PSC-P010" in e and "cn-domestic" in e for e in _errors(folder))
    (folder / "domestic.override.yaml").unlink()
    assert any("PSC-P009" in e and "domestic.override.yaml" in e for e in _errors(folder))


def test_overrides_change_the_digest_and_show_in_the_diff(folder: Path) -> None:
    base = load_pack("cn-crypto-mining-2021")
    pack = load_pack(folder)
    assert pack.digest != base.digest
    changes = diff_packs(base, pack)
    assert [c.describe() for c in changes] == ["added 2 in overrides: hk-wholesale, cn-domestic"]
