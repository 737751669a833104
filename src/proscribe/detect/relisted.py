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
_CANDIDATES = 0.6  # the LSH bands look a little wider; candidates are checked against THRESHOLD


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
        self._rows: dict[str, int] = {}  # indexed listing → its row in ``_matrix``
        self._matrix = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._removed: dict[str, Removed] = {}  # every removed listing, indexed or not

    def __len__(self) -> int:
        return len(self._removed)

    def add(self, removed: Removed, values: np.ndarray) -> None:
        """Index a removed listing; a near-exact copy of one indexed already is only noted.

        Removed listings come in templated clusters (one seller's forty "Antminer S19 95T"):
        one representative per cluster keeps the index, and every query, small.
        """
        if removed.listing_id in self._removed:
            return
        self._removed[removed.listing_id] = removed
        sketch = LeanMinHash(seed=1, hashvalues=values, scheme=_BASE.scheme)
        if self._best(sketch, values, 0.95) is not None:
            return
        self._lsh.insert(removed.listing_id, sketch)
        row = len(self._rows)
        if row == len(self._matrix):
            self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        self._matrix[row] = values
        self._rows[removed.listing_id] = row

    def _best(
        self, sketch: LeanMinHash, values: np.ndarray, floor: float
    ) -> tuple[str, float] | None:
        """The indexed signature most similar to ``values`` (share of equal hash values)."""
        keys = self._lsh.query(sketch)
        if not keys:
            return None
        rows = np.fromiter((self._rows[k] for k in keys), dtype=np.int64, count=len(keys))
        similarity = (self._matrix[rows] == values).mean(axis=1)
        top = int(similarity.argmax())
        return (keys[top], float(similarity[top])) if similarity[top] >= floor else None

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
        found = self._best(
            LeanMinHash(seed=1, hashvalues=values, scheme=_BASE.scheme), values, THRESHOLD
        )
        if found is None:
            return None
        removed = self._removed[found[0]]
        if listed_at is not None and listed_at[:10] <= removed.removed_on:
            return None  # it was up before the other came down: not a copy of a removal
        return Relisted(removed, found[1])
