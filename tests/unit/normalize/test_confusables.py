"""Look-alike folding from Unicode's confusables data (UTS #39), never touching CJK."""

from __future__ import annotations

from proscribe.normalize import normalize
from proscribe.normalize.tables import (
    _CJK_BLOCKS,
    _confusables_data,
    traditional_to_simplified,
)


def _lookalikes_of_ascii() -> dict[str, set[str]]:
    """Every non-ASCII character the data lists as a look-alike of an ASCII letter or digit."""
    found: dict[str, set[str]] = {}
    for target, looks in _confusables_data().items():
        if len(target) == 1 and target.isascii() and target.isalnum():
            for entry in looks:
                ch = entry["c"]
                if len(ch) == 1 and not ch.isascii():
                    found.setdefault(ch, set()).add(target.lower())
    return found


def test_at_least_95_percent_of_the_lookalikes_of_ascii_are_folded() -> None:
    lookalikes = _lookalikes_of_ascii()
    assert len(lookalikes) > 1200  # the data is there, not an empty stand-in
    # UTS #39 writes capital I's look-alikes under "l": either reading is the letter.
    folded = [c for c, ts in lookalikes.items() if _reads_as(normalize(c).text, ts)]
    assert len(folded) / len(lookalikes) >= 0.95


def _reads_as(text: str, targets: set[str]) -> bool:
    return text in targets or (text == "i" and "l" in targets)


def test_scripts_the_old_table_missed_are_folded() -> None:
    samples = {
        "ᎪᎢᎻ": "ath",  # Cherokee
        "ꓮꓠꓔ": "ant",  # Lisu
        "ᗅᑎ": "an",  # Canadian syllabics
        "ոս": "nu",  # Armenian
        "ᴛ": "t",  # small capital T, a look-alike of Greek τ: folded second-hand
        "𝐀𝐧𝐭": "ant",  # mathematical bold
    }
    for written, reads in samples.items():
        assert normalize(written).text == reads, written


def test_lookalikes_fold_before_case_folding() -> None:
    """A mathematical capital Eta looks like H; case-folded first it would read as n."""
    assert normalize("\U0001d6ae").text == "h"
    assert normalize("ΗΟΤ").text == "hot"  # Greek capitals
    assert normalize("BІTCOIN").text == "bitcoin"  # Cyrillic capital І reads as I, not l


def test_no_cjk_character_is_changed_by_lookalike_folding() -> None:
    t2s = traditional_to_simplified()
    for lo, hi in _CJK_BLOCKS[:5]:
        for cp in range(lo, hi):
            ch = chr(cp)
            if ch.isalpha() and "CJK" in _block_hint(cp):
                assert normalize(ch).text == t2s.get(ch, ch), hex(cp)
    assert normalize("〇").text == "〇"  # the Chinese zero is not the letter O


def _block_hint(cp: int) -> str:
    ideographs = (0x3400 <= cp < 0x4DC0) or (0x4E00 <= cp < 0xA000) or (0xF900 <= cp < 0xFB00)
    return "CJK" if ideographs else ""
