"""``proscribe suggest``: grow a pack from a first draft against your own catalogue.

The catalogue is decided under the pack; then, on the normalised titles (and
descriptions), every word and two-word phrase is counted in the listings the pack blocks
and in all listings. A phrase that is common among blocked listings, is not already one of
the pack's words, and whose listings are mostly blocked neighbours is a candidate — its
unflagged listings are the ones to look at first (with example ids). Beside them: the
listings just below a class's review threshold, where a missing word usually hides.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from proscribe.catalogue import Catalogue
from proscribe.decide import Engine, Verdict
from proscribe.normalize import normalize
from proscribe.policy import PolicyPack
from proscribe.types import Listing

_TOKEN = re.compile(r"[a-z][a-z0-9]+|\d+[a-z]+")
_RUN = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
STOPWORDS = frozenset(
    (
        "the",
        "and",
        "for",
        "with",
        "new",
        "set",
        "pack",
        "pcs",
        "of",
        "in",
        "to",
        "a",
        "an",
        "on",
        "by",
        "from",
        "at",
        "or",
        "as",
        "is",
        "it",
        "this",
        "that",
        "your",
        "you",
        "our",
        "we",
        "are",
        "be",
        "can",
        "all",
        "one",
        "two",
        "free",
        "fast",
        "used",
        "sale",
        "buy",
        "price",
        "shipping",
        "item",
        "items",
        "brand",
        "original",
        "high",
        "quality",
        "best",
        "hot",
        "top",
    )
)


@dataclass(frozen=True, slots=True)
class Candidate:
    phrase: str
    blocked: int  # blocked listings that contain it
    total: int  # all listings that contain it
    unflagged: tuple[str, ...]  # example ids of its allowed listings (look here first)
    examples: tuple[str, ...]  # example ids of its blocked listings

    @property
    def share(self) -> float:
        """The share of blocked neighbours: of the listings with the phrase, how many the
        pack blocks."""
        return self.blocked / self.total

    def to_record(self) -> dict[str, object]:
        return {
            "phrase": self.phrase,
            "blocked": self.blocked,
            "total": self.total,
            "share_blocked": round(self.share, 3),
            "unflagged_examples": list(self.unflagged),
            "blocked_examples": list(self.examples),
        }


@dataclass(frozen=True, slots=True)
class NearMiss:
    id: str
    title: str
    class_id: str
    score: float
    review: float

    def to_record(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "class": self.class_id,
            "score": round(self.score, 3),
            "review_threshold": self.review,
        }


@dataclass
class Suggestions:
    decided: int = 0
    blocked: int = 0
    candidates: list[Candidate] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)

    def to_record(self) -> dict[str, object]:
        return {
            "decided": self.decided,
            "blocked": self.blocked,
            "candidates": [c.to_record() for c in self.candidates],
            "near_misses": [n.to_record() for n in self.near_misses],
        }


@dataclass
class _Counts:
    blocked: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    ids: dict[tuple[str, bool], list[str]] = field(default_factory=lambda: defaultdict(list))


def suggest(
    pack: PolicyPack,
    catalogue: Catalogue,
    *,
    as_of: dt.date,
    jurisdiction: str | None,
    min_count: int = 3,
    top: int = 30,
    margin: float = 0.15,
    min_share: float = 0.25,
) -> Suggestions:
    engine = Engine(pack)
    known = _known_phrases(pack)
    counts = _Counts()
    found = Suggestions()
    near: list[NearMiss] = []
    for row in catalogue:
        if not isinstance(row, Listing):
            continue
        verdict = engine.decide(row, as_of=as_of, jurisdiction=jurisdiction)
        found.decided += 1
        is_blocked = verdict.decision == "block"
        found.blocked += is_blocked
        _count(counts, row, is_blocked)
        near += _near(verdict, row, pack, margin)
    found.candidates = _candidates(counts, known, min_count, min_share)[:top]
    found.near_misses = sorted(near, key=lambda n: n.score - n.review, reverse=True)[:top]
    return found


def _phrases(listing: Listing) -> set[str]:
    """Latin words and two-word phrases; in Chinese runs, every two and three characters."""
    text = normalize(f"{listing.title} {listing.description or ''}").text
    found: set[str] = set()
    for run in _RUN.findall(text):
        if _is_cjk(run):
            found |= {run[i : i + n] for n in (2, 3) for i in range(len(run) - n + 1)}
            continue
        tokens = [t for t in _TOKEN.findall(run) if t not in STOPWORDS]
        found |= set(tokens) | {f"{a} {b}" for a, b in itertools.pairwise(tokens)}
    return found


def _is_cjk(phrase: str) -> bool:
    return all("\u3400" <= c <= "\u9fff" for c in phrase.replace(" ", ""))


def _count(counts: _Counts, listing: Listing, blocked: bool) -> None:
    for phrase in _phrases(listing):
        counts.total[phrase] += 1
        if blocked:
            counts.blocked[phrase] += 1
        kept = counts.ids[(phrase, blocked)]
        if len(kept) < 3:
            kept.append(listing.id)


def _candidates(
    counts: _Counts, known: set[str], min_count: int, min_share: float
) -> list[Candidate]:
    found = [
        Candidate(
            phrase,
            n,
            counts.total[phrase],
            tuple(counts.ids[(phrase, False)]),
            tuple(counts.ids[(phrase, True)]),
        )
        for phrase, n in counts.blocked.items()
        if n >= min_count and n / counts.total[phrase] >= min_share and not _covered(phrase, known)
    ]
    # First the phrases that also occur in listings the pack lets through (the ones to look
    # at), then by how many blocked listings carry them, weighted by the blocked share.
    return sorted(found, key=lambda c: (c.total == c.blocked, -c.blocked * c.share, c.phrase))


def _covered(phrase: str, known: set[str]) -> bool:
    """Already flagged by the pack: the phrase is one of its (weighted) words or holds one
    as whole words; a Chinese n-gram, when it is part of one of them or holds one."""
    if _is_cjk(phrase):
        return any(phrase in word or word in phrase for word in known)
    padded = f" {phrase} "
    return phrase in known or any(f" {word} " in padded for word in known)


def _known_phrases(pack: PolicyPack) -> set[str]:
    words = {
        normalize(w).text.strip()
        for cls in pack.classes
        for signal in cls.signals
        if signal.weight is not None  # a context alone flags nothing
        for by_lang in signal.words.values()
        for w in by_lang
    }
    return words | {w.replace(" ", "") for w in words if _is_cjk(w)}


def _near(verdict: Verdict, listing: Listing, pack: PolicyPack, margin: float) -> list[NearMiss]:
    """Allowed listings whose class score is within ``margin`` below the review threshold."""
    if verdict.decision != "allow":
        return []
    found = []
    for result in verdict.results:
        review = pack.get_class(result.class_id).thresholds.review
        if review - margin <= result.score < review:
            found.append(NearMiss(listing.id, listing.title, result.class_id, result.score, review))
    return found
