"""The category recognizer: closed categories, and where each class is expected to be listed."""

from __future__ import annotations

import re
from functools import lru_cache

from proscribe.detect.finding import Document, Finding
from proscribe.normalize import normalize
from proscribe.policy import PolicyPack

_SEPARATORS = re.compile(r"\s*(?:>>|>|/|›|»|\|)\s*")


@lru_cache(maxsize=65536)  # catalogues repeat a few thousand categories millions of times
def category_path(text: str) -> tuple[str, ...]:
    """Split a category like "Consumer Electronics > Blockchain Miners" into folded segments."""
    folded = normalize(text).text
    return tuple(p.strip() for p in _SEPARATORS.split(folded) if p.strip())


class CategoryRecognizer:
    """A listing in a closed category is evidence for that category's class.

    A category matches a closed one when it starts with the closed path, or when one of its
    segments is the closed leaf or an alias ("Electronics > 区块链矿机").
    """

    name = "category"

    def __init__(self, pack: PolicyPack) -> None:
        self._closed = [
            (c.id, c.class_, category_path(c.path), {category_path(a)[-1] for a in c.aliases})
            for c in pack.spec.closed_categories
        ]

    def detect(self, doc: Document) -> list[Finding]:
        raw = doc.listing.category
        if not raw:
            return []
        path = category_path(raw)
        return [
            Finding(
                class_id,
                closed_id,
                "category",
                " > ".join(closed),
                "category",
                raw,
                0,
                len(raw),
                1.0,
            )
            for closed_id, class_id, closed, aliases in self._closed
            if _matches(path, closed, aliases)
        ]


def _matches(path: tuple[str, ...], closed: tuple[str, ...], aliases: set[str]) -> bool:
    if not closed:
        return False
    if path[: len(closed)] == closed or closed[-1] in path:
        return True
    return any(segment in aliases for segment in path)


def is_expected(category: str | None, expected: list[str]) -> bool:
    """Whether a listing's category fits one of a class's expected categories."""
    if not category or not expected:
        return True
    path = " > ".join(category_path(category))
    return any(" > ".join(category_path(e)) in path for e in expected)
