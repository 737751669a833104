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
from pathlib import Path
from typing import Any, cast

from proscribe.cachefile import cached, key_of

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


def _fold(ch: str, t2s: dict[str, str], looks: dict[str, str]) -> str:
    """One character's matching form. Look-alikes fold *before* case folding: a
    mathematical capital Eta looks like H, while its lower case η would read as n."""
    category = unicodedata.category(ch)
    if category == "Cc" or ch == "_":  # "Antminer_S19": an underscore separates words
        return " "
    if category in _INVISIBLE_CATEGORIES:
        return ""
    if ch in looks:
        return looks[ch]
    compatible = "".join(looks.get(c, c) for c in unicodedata.normalize("NFKC", ch))
    folded = _strip_accents(compatible.casefold())
    return "".join(HOMOGLYPHS.get(c, t2s.get(c, c)) for c in folded)


# Scripts whose characters are never folded as look-alikes: Chinese, Japanese, Korean.
_CJK_BLOCKS = (
    (0x2E80, 0xA000),  # radicals, CJK symbols, kana, bopomofo, enclosed, ext. A, unified
    (0xA960, 0xA980),  # Hangul Jamo ext. A
    (0xAC00, 0xD800),  # Hangul syllables, Jamo ext. B
    (0xF900, 0xFB00),  # compatibility ideographs
    (0xFE30, 0xFE50),  # CJK compatibility forms
    (0x20000, 0x40000),  # ideographs ext. B and later
)


def is_cjk(ch: str) -> bool:
    return any(lo <= ord(ch) < hi for lo, hi in _CJK_BLOCKS)


@cache
def confusables() -> dict[str, str]:
    """Non-ASCII, non-CJK look-alikes of ASCII letters and digits (Unicode UTS #39
    confusables, as shipped by ``confusable-homoglyphs``) → that letter, lower case.

    A character listed under several (Cyrillic І under I, l and 1) folds to one of its own
    case, a letter before a digit, so "BІTCOIN" reads "bitcoin". Loaded once per process.
    """
    looks: dict[str, str] = _stored()["looks"]
    return looks


def _confusables() -> dict[str, str]:
    candidates: dict[str, list[str]] = {}
    for target, looks in _confusables_data().items():
        if len(target) == 1 and target.isascii() and target.isalnum():
            for entry in looks:
                ch = entry["c"]
                if _foldable(ch):
                    candidates.setdefault(ch, []).append(target)
    direct = {
        ch: _letter(ch, min(ts, key=lambda t: _rank(ch, t)))
        for ch, ts in candidates.items()
        if not (ch.islower() and all(t.isupper() for t in ts))  # ß is no B: a word's letter
    }
    return direct | _second_hand(direct)


def _second_hand(direct: dict[str, str]) -> dict[str, str]:
    """Look-alikes of a letter that itself reads as ASCII (small capital ᴛ looks like τ)."""
    found: dict[str, str] = {}
    for key, looks in sorted(_confusables_data().items()):
        reads = direct.get(key) or HOMOGLYPHS.get(key.casefold())
        if reads is None or len(key) != 1:
            continue
        for entry in looks:
            ch = entry["c"]
            if _foldable(ch) and ch not in direct and len(ch.casefold()) == 1:  # ß is ss
                found.setdefault(ch, reads)
    return found


def _foldable(ch: str) -> bool:
    return len(ch) == 1 and not ch.isascii() and not is_cjk(ch)


def _letter(ch: str, target: str) -> str:
    """UTS #39 writes capital I's look-alikes as ``l``; a capital that looks like one is I."""
    return "i" if target == "l" and ch.isupper() else target.lower()


def _rank(ch: str, target: str) -> tuple[int, int, str]:
    same_case = (ch.isupper() and target.isupper()) or (ch.islower() and target.islower())
    return (0 if same_case else 1, 0 if target.isalpha() else 1, target)


def _confusables_data() -> dict[str, list[dict[str, str]]]:
    import json
    from importlib.resources import files

    data = files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    loaded: dict[str, list[dict[str, str]]] = json.loads(data)
    return loaded


@cache
def traditional_to_simplified() -> dict[str, str]:
    """One-character Traditional → Simplified map taken from OpenCC's ``t2s`` dictionaries."""
    t2s: dict[str, str] = _stored()["t2s"]
    return t2s


@cache
def _stored() -> dict[str, Any]:
    """The built tables, from the disk cache when this module, Unicode and OpenCC match."""
    from importlib.metadata import version

    source = Path(__file__).read_bytes()
    libraries = "|".join(version(n) for n in ("opencc", "confusable-homoglyphs"))
    versions = f"{unicodedata.unidata_version}|{libraries}"
    return cast(dict[str, Any], cached("fold", key_of(source, versions), _build, dict))


def _build() -> dict[str, Any]:
    t2s, looks = _t2s(), _confusables()
    one, other = _folds(t2s, looks)
    return {"t2s": t2s, "looks": looks, "one": one, "other": other}


def _t2s() -> dict[str, str]:
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
    stored = _stored()
    one: dict[int, int] = stored["one"]
    other: dict[int, str] = stored["other"]
    pattern = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(other)) + "]")
    return one, other, pattern


def _folds(t2s: dict[str, str], looks: dict[str, str]) -> tuple[dict[int, int], dict[int, str]]:
    one: dict[int, int] = {}
    other: dict[int, str] = {}
    points = {cp for lo, hi in _RANGES for cp in range(lo, hi)} | {ord(c) for c in looks}
    for cp in sorted(points):
        ch = chr(cp)
        folded = _fold(ch, t2s, looks)
        if folded == ch:
            continue
        if len(folded) == 1:
            one[cp] = ord(folded)
        else:
            other[cp] = folded
    return one, other


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
