from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from proscribe.normalize import normalize

# Text with the characters sellers use to disguise words, plus ordinary text of any kind.
TRICKY = st.text(
    alphabet=st.sampled_from(
        [
            *"antminer S19 矿机礦機 ",
            "\u200b",
            "\xad",
            "а",
            "е",
            "о",
            "Ａ",
            "ｎ",
            "𝐀",
            "ß",
            "ﬁ",
            "é",
            "\u0301",
            "İ",
            "\t",
            "\x00",
            "①",
        ]
    ),
    max_size=40,
)


def test_plain_ascii_is_lower_cased_with_identity_offsets() -> None:
    result = normalize("Antminer S19")
    assert result.text == "antminer s19"
    assert result.starts is None
    assert result.to_original(0, 8) == (0, 8)


def test_folds_disguises_to_the_matching_form() -> None:
    assert normalize("Ａｎｔｍｉｎｅｒ").text == "antminer"
    assert normalize("Аntminer").text == "antminer"  # Cyrillic А
    assert normalize("Ant\u200bminer").text == "antminer"
    assert normalize("𝐀𝐧𝐭𝐦𝐢𝐧𝐞𝐫").text == "antminer"
    assert normalize("Äntminér").text == "antminer"
    assert normalize("礦機").text == "矿机"


def test_offsets_map_back_around_deleted_and_expanded_characters() -> None:
    original = "Ant\u200bminer ß S19"
    result = normalize(original)
    assert result.text == "antminer ss s19"
    start = result.text.index("s19")
    o_start, o_end = result.to_original(start, start + 3)
    assert original[o_start:o_end] == "S19"
    word_start, word_end = result.to_original(0, 8)
    assert original[word_start:word_end] == "Ant\u200bminer"


@given(TRICKY)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once


@given(st.one_of(TRICKY, st.text(max_size=60)))
def test_every_normalised_character_maps_back_to_a_source_character(text: str) -> None:
    result = normalize(text)
    for index, char in enumerate(result.text):
        start, end = result.to_original(index, index + 1)
        assert 0 <= start < end <= len(text)
        assert char in normalize(text[start:end]).text
