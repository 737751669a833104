"""The de-obfuscated view of a normalised text: split letters joined, leetspeak undone.

A match that exists only in this view is an evasion signal, so the view remembers which
regions it changed and what trick changed them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from proscribe.normalize.tables import LEET
from proscribe.normalize.text import NormalizedText

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_SEP = r"[\s.\-_*|·•/\\,+~'\"]"
# Three or more single letters or digits, each followed by one or two separators: "a n t m i n e r".
_SPLIT_LATIN = re.compile(rf"(?<![^\W_])(?:[a-z0-9]{_SEP}{{1,2}}){{2,}}[a-z0-9](?![^\W_])")
# Separators wedged between Chinese characters: "矿 机", "矿-机".
_SPLIT_CJK = re.compile(rf"[{_CJK}](?:{_SEP}+[{_CJK}])+")
# A token mixing letters with characters that stand in for letters: "m1ner", "4ntm1n3r", "b!tcoin".
_LEET_TOKEN = re.compile(r"[a-z0-9@$!|€]*[a-z][a-z0-9@$!|€]*")
_LEET_HINT = re.compile(r"[a-z][0134578@$!|€]|[@$!|€][a-z]|(?<![a-z0-9])[0134578][a-z]")
_ANY_TRICK = re.compile("|".join(p.pattern for p in (_SPLIT_LATIN, _SPLIT_CJK, _LEET_HINT)))
_LEET_SYMBOLS = frozenset(c for c in LEET if not c.isalnum())
# A leet digit after a letter with a letter somewhere after it ("m1ner"), or one leet digit
# opening a word of four characters or more ("4ntminer", not "8gb" or "500ml").
_DIGIT_FOR_LETTER = re.compile(
    r"(?<=[a-z])[0134578]+(?=[a-z0-9]*[a-z])|^[0134578][a-z@$!|€][a-z0-9@$!|€]{2,}"
)
_SEP_CHARS = re.compile(_SEP)


@dataclass(frozen=True, slots=True)
class Region:
    """A range of the de-obfuscated text that differs from the normalised one, and why."""

    start: int
    end: int
    trick: str  # "split-letters" | "leetspeak"


@dataclass(frozen=True)
class DeobfuscatedText:
    """The de-obfuscated view, mapped back to the original text through ``base``."""

    base: NormalizedText
    text: str
    to_base: tuple[int, ...]  # index in base.text of each character of text
    regions: tuple[Region, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        base_start = self.to_base[start]
        base_end = self.to_base[end - 1] + 1
        return self.base.to_original(base_start, base_end)

    def tricks_in(self, start: int, end: int) -> list[str]:
        """The tricks of the regions that overlap ``[start, end)``: a binary search, then only
        the regions that start late enough to reach it (work bounded by the match, not by how
        many regions a long text has)."""
        last = bisect.bisect_left(self._starts, end)
        first = bisect.bisect_left(self._starts, start - self._longest, 0, last)
        found = {r.trick for r in self.regions[first:last] if start < r.end}
        return sorted(found)

    @cached_property
    def _starts(self) -> list[int]:
        return [r.start for r in self.regions]  # regions are sorted by start

    @cached_property
    def _longest(self) -> int:
        return max((r.end - r.start for r in self.regions), default=0)


def deobfuscate(base: NormalizedText) -> DeobfuscatedText | None:
    """Return the de-obfuscated view of ``base``, or ``None`` when no trick is present."""
    text = base.text
    if _ANY_TRICK.search(text) is None:  # one pass for the common case: nothing to undo
        return None
    joins = [(m.start(), m.end()) for m in _SPLIT_LATIN.finditer(text)]
    joins += [(m.start(), m.end()) for m in _SPLIT_CJK.finditer(text)]
    leets = []
    if _LEET_HINT.search(text) is not None:  # most honest text has no letter-digit mix at all
        leets = [m.span() for m in _LEET_TOKEN.finditer(text) if _is_leet(m.group())]
    if not joins and not leets:
        return None
    keep = _kept_indices(text, joins)
    leet_positions = {i for s, e in leets for i in range(s, e)}
    chars = [LEET.get(text[i], text[i]) if i in leet_positions else text[i] for i in keep]
    return DeobfuscatedText(base, "".join(chars), tuple(keep), _regions(keep, joins, leets))


def _is_leet(token: str) -> bool:
    """Two letters or more, and a symbol or a digit standing in for a letter."""
    if token.isalpha():  # the common case, in C: a plain word has nothing standing in
        return False
    if _LEET_SYMBOLS.isdisjoint(token) and _DIGIT_FOR_LETTER.search(token) is None:
        return False
    return sum(c.isalpha() for c in token) >= 2


def _kept_indices(text: str, joins: list[tuple[int, int]]) -> list[int]:
    drop: set[int] = set()
    for start, end in joins:
        drop.update(i for i in range(start, end) if _SEP_CHARS.fullmatch(text[i]))
    return [i for i in range(len(text)) if i not in drop]


def _regions(
    keep: list[int], joins: list[tuple[int, int]], leets: list[tuple[int, int]]
) -> tuple[Region, ...]:
    position = {base_index: i for i, base_index in enumerate(keep)}

    def mapped(start: int, end: int, trick: str) -> Region:
        inside = [position[i] for i in range(start, end) if i in position]
        return Region(inside[0], inside[-1] + 1, trick)

    regions = [mapped(s, e, "split-letters") for s, e in joins]
    regions += [mapped(s, e, "leetspeak") for s, e in leets]
    return tuple(sorted(regions, key=lambda r: (r.start, r.end)))
