"""``normalize(text) -> NormalizedText``: the matching form of a text, with a map back to it."""

from __future__ import annotations

from dataclasses import dataclass

from proscribe.normalize.tables import fold_tables


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised text and, for each of its characters, the original range it came from.

    ``starts``/``ends`` are ``None`` when the map is the identity (the common case), so
    that plain ASCII text costs nothing beyond ``str.translate``.
    """

    original: str
    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` in ``text`` to the covering range in ``original``."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            return self.starts[start] if start < len(self.starts) else len(self.original), end
        return self.starts[start], self.ends[end - 1]


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` for matching: NFKC, case, accents, look-alikes, invisibles, Trad → Simp.

    Idempotent: ``normalize(normalize(t).text).text == normalize(t).text``.
    """
    one, other, special = fold_tables()
    if text.isascii() or special.search(text) is None:
        return NormalizedText(text, text.translate(one))
    return _normalize_mapped(text, one, other)


def _normalize_mapped(text: str, one: dict[int, int], other: dict[int, str]) -> NormalizedText:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        cp = ord(ch)
        folded = other.get(cp)
        if folded is None:
            folded = chr(one.get(cp, cp))
        for piece in folded:
            out.append(piece)
            starts.append(i)
            ends.append(i + 1)
    return NormalizedText(text, "".join(out), tuple(starts), tuple(ends))
