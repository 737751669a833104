"""Staged scope: stable seller buckets, shares that only grow, countries first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from proscribe.deploy import Scope, bucket


@given(st.text(min_size=1, max_size=20), st.floats(0.01, 0.99), st.floats(0.01, 0.99))
def test_raising_the_share_only_adds_sellers(seller: str, a: float, b: float) -> None:
    low, high = Scope(min(a, b)), Scope(max(a, b))
    if low.covers("pack", seller, "l1", None):
        assert high.covers("pack", seller, "l1", None)


def test_bucket_is_stable_and_spreads_sellers_evenly() -> None:
    assert bucket("cn-crypto-mining-2021", "s1") == bucket("cn-crypto-mining-2021", "s1")
    assert bucket("cn-crypto-mining-2021", "s1") != bucket("other-pack", "s1")
    share = Scope(0.1)
    inside = sum(share.covers("p", f"seller-{i}", "l", None) for i in range(20_000))
    assert 1_800 <= inside <= 2_200  # 10% ± 1% of 20,000


def test_a_listing_without_seller_is_placed_by_its_own_id() -> None:
    scope = Scope(0.5)
    ids = [f"listing-{i}" for i in range(200)]
    placed = [scope.covers("p", None, i, None) for i in ids]
    assert 60 < sum(placed) < 140
    assert placed == [scope.covers("p", None, i, None) for i in ids]


def test_jurisdictions_and_share_must_both_hold() -> None:
    scope = Scope.of(1.0, "HK,MO")
    assert scope.covers("p", "s", "l", "hk") and scope.covers("p", "s", "l", "MO")
    assert not scope.covers("p", "s", "l", "CN") and not scope.covers("p", "s", "l", None)
    nobody = Scope.of(0.0, "HK")
    assert not nobody.covers("p", "s", "l", "HK")
    assert Scope.of(0.25, "HK").describe() == "25% of sellers in HK"
