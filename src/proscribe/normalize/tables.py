"""Character tables behind normalisation, built once per process.

The table maps one code point to its matching form: NFKC, case-folded, Latin accents
stripped, look-alike Cyrillic and Greek letters to Latin, Traditional Chinese to Simplified,
control characters to a space, invisible characters (zero-width, bidi controls, variation
selectors, combining marks) to nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Cyrillic and Greek letters that look like Latin ones (after case folding).
HOMOGLYPHS: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ԁ": "d",
    "һ": "h",
    "ӏ": "l",
    "ԛ": "q",
    "ԝ": "w",
    "ү": "y",
    "ɡ": "g",
    "ո": "n",
    "ս": "u",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ζ": "z",
    "ϲ": "c",
    "ω": "w",
    # Latin look-alikes outside ASCII
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ħ": "h",
    "ŧ": "t",
    "ƅ": "b",
    "ꞵ": "b",
}

# Code-point ranges worth a table entry; everything else maps to itself.
_RANGES = (
    (0x0000, 0x3400),  # Latin, Greek, Cyrillic, symbols, CJK punctuation
    (0x3400, 0x4DC0),  # CJK extension A (Traditional → Simplified)
    (0x4E00, 0xA000),  # CJK unified ideographs (Traditional → Simplified)
    (0xF900, 0x10000),  # compatibility ideographs, presentation forms, full/half width
    (0x1D400, 0x1D800),  # mathematical alphanumerics (𝐀𝐧𝐭…)
    (0x1F100, 0x1F200),  # enclosed alphanumerics (🅰…)
)
_INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me"}


def _strip_accents(text: str) -> str:
    if all(ord(c) < 0x0530 for c in text):  # Latin, Greek, Cyrillic only: leave Hangul alone
        decomposed = unicodedata.normalize("NFD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return text


def _fold(ch: str, t2s: dict[str, str]) -> str:
    category = unicodedata.category(ch)
    if category == "Cc" or ch == "_":  # "Antminer_S19": an underscore separates words
        return " "
    if category in _INVISIBLE_CATEGORIES:
        return ""
    folded = _strip_accents(unicodedata.normalize("NFKC", ch).casefold())
    return "".join(HOMOGLYPHS.get(c, t2s.get(c, c)) for c in folded)


@cache
def traditional_to_simplified() -> dict[str, str]:
    """One-character Traditional → Simplified map taken from OpenCC's ``t2s`` dictionaries."""
    import opencc

    converter = opencc.OpenCC("t2s")
    table: dict[str, str] = {}
    for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
        for cp in range(lo, hi):
            ch = chr(cp)
            simple = converter.convert(ch)
            if simple != ch and len(simple) == 1:
                table[ch] = simple
    return table


@cache
def fold_tables() -> tuple[dict[int, int], dict[int, str], re.Pattern[str]]:
    """Return (one-to-one table for ``str.translate``, other mappings, regex finding the latter)."""
    t2s = traditional_to_simplified()
    one: dict[int, int] = {}
    other: dict[int, str] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = _fold(ch, t2s)
            if folded == ch:
                continue
            if len(folded) == 1:
                one[cp] = ord(folded)
            else:
                other[cp] = folded
    pattern = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(other)) + "]")
    return one, other, pattern


# Styled letters (mathematical alphanumerics, circled and squared letters): NFKC folds
# them, but nobody types them by accident, so matching through them is a trick.
STYLED = ((0x1D400, 0x1D800), (0x2460, 0x2500), (0x1F100, 0x1F200))


def is_styled(ch: str) -> bool:
    return any(lo <= ord(ch) < hi for lo, hi in STYLED)


def plain_fold(text: str) -> str:
    """What an honest writer's text folds to: NFKC (but styled letters), case, Trad → Simp.

    Full-width forms count as honest (Chinese input methods produce them). Differences
    between this and the full normalisation are the tricks (look-alikes, invisible
    characters, accents, styled letters) that make a match an evasion signal.
    """
    t2s = traditional_to_simplified()
    kept = "".join(c if is_styled(c) else unicodedata.normalize("NFKC", c) for c in text)
    return "".join(t2s.get(c, c) for c in kept.casefold()).replace("_", " ")


# Leetspeak: characters standing in for letters inside words.
LEET: dict[str, str] = {
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "8": "b",
    "@": "a",
    "$": "s",
    "!": "i",
    "|": "l",
    "€": "e",
}
