"""The seller tricks of `proscribe test --mutate`: what each does, and that it is seeded."""

from __future__ import annotations

import random

import pytest

from proscribe.normalize import normalize
from proscribe.tricks import TRICKS


def _run(name: str, word: str, seed: int = 1) -> str | None:
    return TRICKS[name](word, random.Random(seed))


@pytest.mark.parametrize(
    ("name", "word", "expected"),
    [
        ("split-letters", "nos", "n o s"),
        ("leetspeak", "laughing gas", "l4ugh1ng g45"),
        ("look-alike", "nos", "nоs"),
        ("full-width", "nos", "ｎｏｓ"),
        ("traditional", "矿机", "礦機"),
        ("pinyin", "矿机电源", "kuangjidianyuan"),
        ("joining", "laughing gas", None),  # `_` or `-`: checked below
    ],
)
def test_each_trick_rewrites_as_a_seller_would(name: str, word: str, expected: str | None) -> None:
    out = _run(name, word)
    if expected is not None:
        assert out == expected
    else:
        assert out in ("laughing_gas", "laughing-gas")


def test_tricks_that_do_not_apply_say_so() -> None:
    assert _run("traditional", "nitrous") is None and _run("pinyin", "nitrous") is None
    assert _run("joining", "nitrous") is None and _run("split-letters", "矿机") is None


@pytest.mark.parametrize("name", ["punctuation", "invisible", "typo"])
def test_seeded_tricks_are_deterministic_and_change_one_place(name: str) -> None:
    first, again = _run(name, "canisters", 7), _run(name, "canisters", 7)
    assert first == again and first is not None and first != "canisters"
    assert abs(len(first) - len("canisters")) <= 1


def test_what_normalisation_undoes_comes_back_to_the_word() -> None:
    for name in ("look-alike", "full-width", "invisible", "traditional"):
        out = _run(name, "矿机" if name == "traditional" else "canisters")
        assert out is not None
        assert (
            normalize(out).text == normalize("矿机" if name == "traditional" else "canisters").text
        )
