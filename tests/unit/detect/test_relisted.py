from __future__ import annotations

from proscribe.detect.relisted import (
    SIGNATURE_SIZE,
    THRESHOLD,
    RelistIndex,
    Removed,
    signature,
)

ORIGINAL = "Antminer S19j Pro 104TH/s used, tested, ships from Shenzhen warehouse"
REMOVED = Removed("gone-1", "s1", ("mining-hardware",), "2021-10-16")


def _index() -> RelistIndex:
    index = RelistIndex()
    index.add(REMOVED, signature(ORIGINAL))
    return index


def test_signature_is_deterministic_and_fixed_size() -> None:
    a, b = signature(ORIGINAL), signature(ORIGINAL)
    assert len(a) == SIGNATURE_SIZE and (a == b).all()


def test_a_light_edit_is_a_relisting() -> None:
    found = _index().match(
        "new-1", "ANTMINER S19j Pro 104TH/s — used, tested, ships from Shenzhen warehouse!", None
    )
    assert found is not None and found.removed == REMOVED
    assert THRESHOLD <= found.similarity <= 1.0


def test_full_width_and_case_do_not_hide_a_copy() -> None:
    copy = "ＡＮＴＭＩＮＥＲ S19j Pro 104TH/s used, tested, ships from Shenzhen warehouse"
    assert _index().match("new-2", copy, None) is not None


def test_the_same_model_in_other_words_is_not_a_copy() -> None:
    assert _index().match("new-3", "Antminer S19j Pro, brand new, sealed box", None) is None


def test_the_removed_listing_itself_is_not_its_own_relisting() -> None:
    assert _index().match("gone-1", ORIGINAL, None) is None


def test_an_empty_index_matches_nothing() -> None:
    assert RelistIndex().match("x", ORIGINAL, None) is None


BOILERPLATE = (
    "Fast worldwide shipping by DHL or FedEx within 3 working days. Returns accepted within "
    "30 days, buyer pays return postage. Contact us on WhatsApp +86 138 0000 0000 for "
    "wholesale prices, bulk orders and custom packaging. All items tested before dispatch."
)


def test_shared_boilerplate_alone_is_not_a_copy() -> None:
    """Other goods that share only a seller's (or a template's) shipping paragraph."""
    index = RelistIndex()
    index.add(REMOVED, signature("Antminer S19 95TH", BOILERPLATE))
    for n, title in enumerate(
        (
            "RTX 3080 graphics card 10GB",
            "Corsair 850W ATX power supply",
            "42U server rack cabinet",
            "Garden hose 30m with spray nozzle",
            "Stainless steel water bottle 750ml",
        )
    ):
        assert index.match(f"other-{n}", title, BOILERPLATE) is None, title
    copy = index.match("copy", "Antminer S19 95TH!", BOILERPLATE)
    assert copy is not None and copy.title_similarity >= 0.6


def test_the_order_of_removals_does_not_change_a_match() -> None:
    """Two removed originals tie: the match names the same one whatever the order."""
    first = Removed("a-1", "s1", ("mining-hardware",), "2021-10-16")
    second = Removed("b-2", "s2", ("mining-hardware",), "2021-10-16")
    values = signature(ORIGINAL)
    forward, backward = RelistIndex(), RelistIndex()
    forward.add(first, values)
    forward.add(second, values)
    backward.add(second, values)
    backward.add(first, values)
    a = forward.match("n", ORIGINAL + "!", None)
    b = backward.match("n", ORIGINAL + "!", None)
    assert a is not None and b is not None
    assert a.removed.listing_id == b.removed.listing_id
