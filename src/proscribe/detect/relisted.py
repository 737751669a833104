"""``RelistIndex``: near-duplicates of removed listings (MinHash + LSH, datasketch).

A listing whose text is a near-duplicate of one already removed — by the same seller or
another — is ``relisted``: an evasion signal. Shingles are character 4-grams of the
normalised text (no segmentation, so Chinese and English alike), hashed with MurmurHash3.

Only the distinctive part of a listing makes a copy. Descriptions carry boilerplate that
many listings share (shipping, returns, a WhatsApp number, a wholesaler's template), so a
signature holds two sketches: the whole text, and the title alone. A relisting needs both
the whole text (``THRESHOLD``) and the title (``TITLE_THRESHOLD``) to be near-copies: a
garden hose that shares a miner seller's shipping paragraph is not a copy of the miner.
"""

from __future__ import annotations

from dataclasses import dataclass

import mmh3
import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from proscribe.normalize import normalize

NUM_PERM = 64
SHINGLE = 4
MAX_CHARS = 512  # long descriptions add cost, not evidence
THRESHOLD = 0.7  # estimated Jaccard similarity of shingles that makes a relisting
TITLE_THRESHOLD = 0.6  # and of the titles alone: boilerplate descriptions never make a copy
SIGNATURE_SIZE = 2 * NUM_PERM  # the whole text's sketch, then the title's
_CANDIDATES = 0.6  # the LSH bands look a little wider; candidates are checked against THRESHOLD


def _hash(shingle: bytes | str) -> int:
    return mmh3.hash(shingle, 0, signed=False)


_BASE = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_hash)


def signature(title: str, description: str | None = None) -> np.ndarray:
    """``SIGNATURE_SIZE`` uint32: the MinHash of the whole text, then of the title alone."""
    whole = _sketch(f"{title} {description or ''}")
    return np.concatenate([whole, _sketch(title)])


def _sketch(raw: str) -> np.ndarray:
    text = " ".join(normalize(raw).text.split())[:MAX_CHARS]
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
    title_similarity: float = 1.0


class RelistIndex:
    """Removed listings' signatures in an LSH index; ``match`` finds the closest one.

    Deterministic: candidates are ranked by similarity, then by listing id, so neither the
    order of ``add`` calls among distinct listings nor the LSH's set order changes a match.
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=_CANDIDATES, num_perm=NUM_PERM)
        self._rows: dict[str, int] = {}  # indexed listing → its row in ``_matrix``
        self._matrix = np.zeros((1024, SIGNATURE_SIZE), dtype=np.uint32)
        self._removed: dict[str, Removed] = {}  # every removed listing, indexed or not

    def __len__(self) -> int:
        return len(self._removed)

    def add(self, removed: Removed, values: np.ndarray) -> None:
        """Index a removed listing; a near-exact copy of one indexed already is only noted.

        Removed listings come in templated clusters (one seller's forty "Antminer S19 95T"):
        one representative per cluster keeps the index, and every query, small.
        """
        if removed.listing_id in self._removed or len(values) != SIGNATURE_SIZE:
            return
        self._removed[removed.listing_id] = removed
        near = self._best(values, 0.95, 0.95)
        if near is None:
            row = len(self._rows)
            if row == len(self._matrix):
                self._matrix = np.concatenate([self._matrix, np.zeros_like(self._matrix)])
        elif removed.listing_id < near[0]:  # the smallest id represents: order never matters
            self._lsh.remove(near[0])
            row = self._rows.pop(near[0])
        else:
            return
        self._lsh.insert(removed.listing_id, _lean(values))
        self._matrix[row] = values
        self._rows[removed.listing_id] = row

    def _best(
        self, values: np.ndarray, floor: float, title_floor: float
    ) -> tuple[str, float, float] | None:
        """The indexed listing most like ``values``: whole text ≥ ``floor`` and title ≥
        ``title_floor`` (shares of equal hash values); ties go to the smallest id."""
        keys = sorted(self._lsh.query(_lean(values)))
        if not keys:
            return None
        rows = np.fromiter((self._rows[k] for k in keys), dtype=np.int64, count=len(keys))
        equal = self._matrix[rows] == values
        whole = equal[:, :NUM_PERM].mean(axis=1)
        title = equal[:, NUM_PERM:].mean(axis=1)
        whole[title < title_floor] = -1.0  # boilerplate alone: not a copy
        top = int(whole.argmax())
        if whole[top] < floor:
            return None
        return keys[top], float(whole[top]), float(title[top])

    def match(
        self, listing_id: str, title: str, description: str | None, listed_at: str | None = None
    ) -> Relisted | None:
        """The most similar removed listing at or above the thresholds, listed again after it.

        Not a relisting: the listing itself, a listing that was removed too (it stood beside
        the copy, it did not come back after it), one listed before the other's removal, one
        that shares only boilerplate (its title is not a near-copy).
        """
        if not self._removed or listing_id in self._removed:
            return None
        found = self._best(signature(title, description), THRESHOLD, TITLE_THRESHOLD)
        if found is None:
            return None
        removed = self._removed[found[0]]
        if listed_at is not None and listed_at[:10] <= removed.removed_on:
            return None  # it was up before the other came down: not a copy of a removal
        return Relisted(removed, found[1], found[2])


def _lean(values: np.ndarray) -> LeanMinHash:
    """The whole-text sketch of a signature, for the LSH index."""
    return LeanMinHash(seed=1, hashvalues=values[:NUM_PERM], scheme=_BASE.scheme)
