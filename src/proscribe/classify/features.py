"""``tokens(text)``: the classifier's features, read from *normalised* text.

No word segmentation: Chinese runs give character unigrams and bigrams, so "矿机" and "加密货币"
are seen whatever the words around them. Latin runs give words, word bigrams and a shape for words
with digits ("s19j" → "s0j", "110th" → "0th": unseen models and hash rates look alike).
Tokens are hashed (MurmurHash3, the ``mmh3`` package: the same values as scikit-learn's
``murmurhash3_32``) into a fixed space, so the model has no vocabulary file to ship or keep in
step. Deciding needs NumPy only: ``batch_logits`` gathers the weight rows of a whole batch and
sums them per text; SciPy's sparse matrix is built for training only.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import TYPE_CHECKING

import mmh3
import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

#: Bumped when ``tokens`` changes: a model trained on another version is refused at load.
FEATURE_VERSION = 1
N_FEATURES = 2**18

_RUN = re.compile(r"[a-z0-9]+|[\u3400-\u4dbf\u4e00-\u9fff]+")
_DIGITS = re.compile(r"\d+")


def tokens(text: str) -> list[str]:
    """The features of one normalised text (see the module docstring)."""
    out: list[str] = []
    previous = ""
    for run in _RUN.findall(text):
        if run[0] >= "\u3400":
            out += run  # character unigrams
            out += [run[i : i + 2] for i in range(len(run) - 1)]
            previous = ""
            continue
        out.append("w " + run)
        if not run.isalpha():
            out.append("s " + _DIGITS.sub("0", run))
        if previous:
            out.append(f"b {previous} {run}")
        previous = run
    return out


@lru_cache(maxsize=1 << 18)  # tokens repeat across listings; bounded, so memory stays flat
def column(token: str) -> int:
    """The hashed column of one token (signed MurmurHash3, seed 0, as scikit-learn's)."""
    return abs(mmh3.hash(token, 0, signed=True)) % N_FEATURES


def indices(text: str) -> list[int]:
    """The hashed feature columns of one text, each once (features are binary)."""
    return sorted({column(t) for t in set(tokens(text))})  # repeated tokens hashed once


def batch_logits(
    texts: list[str], weights: npt.NDArray[np.float32], intercept: npt.NDArray[np.float32]
) -> npt.NDArray[np.float32]:
    """``matrix(texts) @ weights + intercept`` in NumPy alone, for a whole batch at once.

    Each text's weight rows are added in the order of its sorted columns, in float32, as
    SciPy's product adds them, so the logits are the same to the bit. The rows go longest
    first, so step ``k`` adds the ``k``-th column of a prefix of them in one vector operation.
    """
    found = [indices(text) for text in texts]
    counts = np.fromiter((len(f) for f in found), dtype=np.int64, count=len(found))
    flat = np.fromiter((c for f in found for c in f), dtype=np.int64, count=int(counts.sum()))
    order = np.argsort(-counts, kind="stable")
    by_length = counts[order]
    starts = (np.cumsum(counts) - counts)[order]
    scale = np.zeros(len(texts), dtype=np.float32)
    scale[by_length > 0] = 1.0 / np.sqrt(by_length[by_length > 0])
    sums = np.zeros((len(texts), weights.shape[1]), dtype=np.float32)
    live = len(texts)
    for k in range(int(by_length[0]) if len(texts) else 0):
        while by_length[live - 1] <= k:
            live -= 1
        sums[:live] += weights[flat[starts[:live] + k]] * scale[:live, None]
    out = np.empty_like(sums)
    out[order] = sums
    return np.asarray(out + intercept, dtype=np.float32)


def matrix(texts: list[str]) -> csr_matrix:
    """Texts → rows of an L2-normalised binary CSR matrix (``len(texts)`` × ``N_FEATURES``).

    The same function builds the training matrix and the one a decision reads, so the two
    cannot drift apart.
    """
    columns: list[int] = []
    values: list[float] = []
    offsets = [0]
    for text in texts:
        found = indices(text)
        columns += found
        values += [1.0 / math.sqrt(len(found))] * len(found) if found else []
        offsets.append(len(columns))
    from scipy.sparse import csr_matrix  # training only: deciding needs NumPy alone

    return csr_matrix(
        (
            np.asarray(values, dtype=np.float32),
            np.asarray(columns, dtype=np.int32),
            np.asarray(offsets, dtype=np.int64),
        ),
        shape=(len(texts), N_FEATURES),
    )
