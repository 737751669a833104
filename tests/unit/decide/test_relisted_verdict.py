from __future__ import annotations

import datetime as dt

from proscribe import Engine, Listing, PolicyPack
from proscribe.detect.relisted import RelistIndex, Removed, signature

AS_OF = dt.date(2021, 10, 20)
# Removed by a reviewer: the pack's words alone would allow this text.
REVIEWED = "Quiet home box, great for winter, ask me about daily returns"


def _engine(pack: PolicyPack) -> Engine:
    index = RelistIndex()
    index.add(Removed("gone", "s1", ("mining-hardware",), "2021-10-16"), signature(REVIEWED))
    index.add(
        Removed("gone-2", "s1", ("mining-hardware",), "2021-10-16"),
        signature("Antminer S19 95TH used, good condition, Shenzhen"),
    )
    return Engine(pack, relist=index)


def test_an_allowed_copy_of_a_removed_listing_goes_to_review(pack: PolicyPack) -> None:
    copy = Listing("new", REVIEWED + "!", seller_id="s2")
    assert Engine(pack).decide(copy, as_of=AS_OF, jurisdiction="CN").decision == "allow"
    verdict = _engine(pack).decide(copy, as_of=AS_OF, jurisdiction="CN")
    assert verdict.decision == "review" and verdict.classes == ("mining-hardware",)
    relisted = [e for e in verdict.evasion if e.signal == "relisted"]
    assert relisted and "listing gone" in relisted[0].detail and "seller s1" in relisted[0].detail


def test_a_blocked_copy_keeps_its_decision_and_gains_the_signal(pack: PolicyPack) -> None:
    copy = Listing("new", "Antminer S19 95TH used, good condition, Shenzhen!!", seller_id="s1")
    verdict = _engine(pack).decide(copy, as_of=AS_OF, jurisdiction="CN")
    assert verdict.decision == "block"
    signal = next(e for e in verdict.evasion if e.signal == "relisted")
    assert "the same seller" in signal.detail
    assert "Relisted:" in verdict.reason


def test_no_signal_outside_the_pack_s_reach(pack: PolicyPack) -> None:
    copy = Listing("new", REVIEWED + "!", seller_id="s2")
    verdict = _engine(pack).decide(copy, as_of=AS_OF, jurisdiction="US")  # CN-only pack
    assert verdict.decision == "allow"
