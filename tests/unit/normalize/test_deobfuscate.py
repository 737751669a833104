from __future__ import annotations

import pytest

from proscribe.normalize import deobfuscate, normalize


@pytest.mark.parametrize(
    ("text", "view", "trick"),
    [
        ("a n t m i n e r s19", "antminer s19", "split-letters"),
        ("a.n.t-m.i.n.e.r", "antminer", "split-letters"),
        ("矿 机 出售", "矿机出售", "split-letters"),
        ("4ntm1ner", "antminer", "leetspeak"),
        ("b!tcoin", "bitcoin", "leetspeak"),
    ],
)
def test_view_undoes_the_trick_and_names_it(text: str, view: str, trick: str) -> None:
    result = deobfuscate(normalize(text))
    assert result is not None
    assert result.text == view
    assert trick in result.tricks_in(0, len(result.text))


@pytest.mark.parametrize(
    "text", ["iphone 13 pro", "rtx 3070 8gb", "ps5 2tb", "usb-c cable 2m", "不锈钢保温杯 500ml"]
)
def test_honest_text_has_no_view(text: str) -> None:
    assert deobfuscate(normalize(text)) is None


def test_view_maps_back_to_the_original_span() -> None:
    original = "New A n t m i n e r here"
    result = deobfuscate(normalize(original))
    assert result is not None
    start = result.text.index("antminer")
    o_start, o_end = result.to_original(start, start + len("antminer"))
    assert original[o_start:o_end] == "A n t m i n e r"
