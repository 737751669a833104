from __future__ import annotations

import pytest

from proscribe.detect.category import category_path, is_expected


def test_category_path_splits_any_separator_and_folds() -> None:
    assert category_path("Consumer Electronics > Blockchain Miners") == (
        "consumer electronics",
        "blockchain miners",
    )
    assert category_path("Bags, Wallets & Belts >> Bags") == ("bags, wallets & belts", "bags")
    assert category_path("數碼 / 區塊鏈礦機") == ("数码", "区块链矿机")


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("Consumer Electronics > Blockchain Miners", True),
        ("Home Appliances > Heaters", False),
        (None, True),
    ],
)
def test_is_expected(category: str | None, expected: bool) -> None:
    assert is_expected(category, ["Blockchain Miners"]) is expected
