from __future__ import annotations

from proscribe.detect.relisted import NUM_PERM, THRESHOLD, RelistIndex, Removed, signature

ORIGINAL = "Antminer S19j Pro 104TH/s used, tested, ships from Shenzhen warehouse"
REMOVED = Removed("gone-1", "s1", ("mining-hardware",), "2021-10-16")


def _index() -> RelistIndex:
    index = RelistIndex()
    index.add(REMOVED, signature(ORIGINAL))
    return index


def test_signature_is_deterministic_and_fixed_size() -> None:
    a, b = signature(ORIGINAL), signature(ORIGINAL)
    assert len(a) == NUM_PERM and (a == b).all()


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
