"""The tricks a seller uses to hide a banned word, as text transformations.

Each trick rewrites the words it is given inside a title and leaves the rest alone; it
takes a seeded ``random.Random`` so the variants are the same on every run. A trick that
does not apply (Chinese tricks on a Latin-only text) returns ``None``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache
from typing import Any

Trick = Callable[[str, random.Random], str | None]

_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})
_LOOKALIKE = str.maketrans(
    {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "i": "і", "y": "у"}
)
_FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}
_CJK = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[A-Za-z]{3,}")


def split_letters(word: str, _: random.Random) -> str | None:
    return " ".join(word) if _LATIN.search(word) else None


def punctuation(word: str, rng: random.Random) -> str | None:
    return _inside(word, rng, rng.choice(".*-'"))


def invisible(word: str, rng: random.Random) -> str | None:
    return _inside(word, rng, "\u200b")


def _inside(word: str, rng: random.Random, mark: str) -> str | None:
    letters = [m.start() for m in re.finditer(r"(?<=[A-Za-z])(?=[A-Za-z])", word)]
    if not letters:
        return None
    cut = rng.choice(letters)
    return word[:cut] + mark + word[cut:]


def leetspeak(word: str, _: random.Random) -> str | None:
    changed = word.lower().translate(_LEET)
    return changed if changed != word.lower() else None


def lookalike(word: str, _: random.Random) -> str | None:
    changed = word.translate(_LOOKALIKE)
    return changed if changed != word else None


def fullwidth(word: str, _: random.Random) -> str | None:
    return "".join(_FULLWIDTH.get(c, c) for c in word) if word.isascii() else None


def joining(word: str, rng: random.Random) -> str | None:
    return word.replace(" ", rng.choice("_-")) if " " in word.strip() else None


def typo(word: str, rng: random.Random) -> str | None:
    """One letter dropped, doubled or swapped with its neighbour, inside a Latin word."""
    spots = [m.start() + 1 for m in re.finditer(r"[A-Za-z](?=[A-Za-z]{2})", word)]
    if not spots:
        return None
    at = rng.choice(spots)
    kind = rng.choice(("drop", "double", "swap"))
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "double":
        return word[:at] + word[at] + word[at:]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def traditional(word: str, _: random.Random) -> str | None:
    if not _CJK.search(word):
        return None
    changed = str(_s2t().convert(word))
    return changed if changed != word else None


def pinyin(word: str, _: random.Random) -> str | None:
    if not _CJK.search(word):
        return None
    from pypinyin import lazy_pinyin

    return _CJK.sub(lambda m: "".join(lazy_pinyin(m.group(0))), word)


@cache
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


TRICKS: dict[str, Trick] = {
    "split-letters": split_letters,
    "punctuation": punctuation,
    "leetspeak": leetspeak,
    "look-alike": lookalike,
    "full-width": fullwidth,
    "invisible": invisible,
    "traditional": traditional,
    "pinyin": pinyin,
    "joining": joining,
    "typo": typo,
}
