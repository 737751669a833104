from __future__ import annotations

import pytest

from proscribe import PolicyPack
from proscribe.enforce.standing import harsher, standing_for


@pytest.mark.parametrize(
    ("active", "evasion", "standing"),
    [
        (0, False, "good"),
        (1, False, "warned"),
        (2, False, "listings-removed"),
        (3, False, "store-restricted"),
        (4, False, "store-blocked"),
        (5, False, "store-blocked"),
        (6, False, "frozen"),
        (8, False, "closed"),
        (20, False, "closed"),
        (1, True, "frozen"),
        (8, True, "closed"),  # evasion: frozen at once, never milder
    ],
)
def test_ladder_of_the_bundled_pack(
    pack: PolicyPack, active: int, evasion: bool, standing: str
) -> None:
    assert standing_for(active, evasion, pack.spec.enforcement) == standing


def test_no_enforcement_section_means_no_penalty() -> None:
    assert standing_for(10, True, None) == "good"


def test_harsher_orders_the_ladder() -> None:
    assert harsher("warned", "frozen") == "frozen"
    assert harsher("closed", "good") == "closed"
