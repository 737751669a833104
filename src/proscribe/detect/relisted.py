"""``RelistIndex``: near-duplicates of removed listings (MinHash + LSH, datasketch).

A listing whose text is a near-duplicate of one already removed — by the same seller or
another — is ``relisted``: an evasion signal. Shingles are character 4-grams of the
normalised text (no segmentation, so Chinese and English alike), hashed with MurmurHash3.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH
from sklearn.utils import murmurhash3_32

from proscribe.normalize import normalize

NUM_PERM = 64
SHINGLE = 4
MAX_CHARS = 512  # long descriptions add cost, not evidence
THRESHOLD = 0.7  # estimated Jaccard similarity of shingles that makes a relisting
_CANDIDATES = 0.5  # the LSH bands look wider, then candidates are checked against THRESHOLD


def _hash(shingle: bytes | str) -> int:
    return int(murmurhash3_32(shingle, 0, positive=True))


_BASE = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_hash)


def signature(title: str, description: str | None = None) -> np.ndarray:
    """The MinHash values (``NUM_PERM`` × uint32) of a listing's text."""
    text = " ".join(normalize(f"{title} {description or ''}").text.split())[:MAX_CHARS]
    shingles = {text[i : i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}
    sketch = MinHash(
        num_perm=NUM_PERM,
        seed=1,
        hashfunc=_hash,
        permutations=_BASE.permutations,
        scheme=_BASE.scheme,
    )
    sketch.update_batch(list(shingles))
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class Removed:
    listing_id: str
    seller_id: str | None
    classes: tuple[str, ...]
    removed_on: str


@dataclass(frozen=True, slots=True)
class Relisted:
    """The removed listing a new one copies, and how similar they are."""

    removed: Removed
    similarity: float


class RelistIndex:
    """Removed listings' signatures in an LSH index; ``match`` finds the closest one."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=_CANDIDATES, num_perm=NUM_PERM)
        self._sketches: dict[str, LeanMinHash] = {}
        self._removed: dict[str, Removed] = {}

    def __len__(self) -> int:
        return len(self._removed)

    def add(self, removed: Removed, values: np.ndarray) -> None:
        if removed.listing_id in self._removed:
            return
        sketch = LeanMinHash(seed=1, hashvalues=values, scheme=_BASE.scheme)
        self._lsh.insert(removed.listing_id, sketch)
        self._sketches[removed.listing_id] = sketch
        self._removed[removed.listing_id] = removed

    def match(
        self, listing_id: str, title: str, description: str | None, listed_at: str | None = None
    ) -> Relisted | None:
        """The most similar removed listing at or above the threshold, listed again after it.

        Not a relisting: the listing itself, a listing that was removed too (it stood beside
        the copy, it did not come back after it), one listed before the other's removal.
        """
        if not self._removed or listing_id in self._removed:
            return None
        values = signature(title, description)
        query = LeanMinHash(seed=1, hashvalues=values, scheme=_BASE.scheme)
        best: Relisted | None = None
        for key in self._lsh.query(query):
            if listed_at is not None and listed_at[:10] <= self._removed[key].removed_on:
                continue
            similarity = float(query.jaccard(self._sketches[key]))
            if similarity >= THRESHOLD and (best is None or similarity > best.similarity):
                best = Relisted(self._removed[key], similarity)
        return best
