"""``tokens(text)``: the classifier's features, read from *normalised* text.

No word segmentation: Chinese runs give character unigrams and bigrams, so "矿机" and "加密货币"
are seen whatever the words around them. Latin runs give words, word bigrams and a shape for words
with digits ("s19j" → "s0j", "110th" → "0th": unseen models and hash rates look alike).
Tokens are hashed (MurmurHash3) into a fixed space, so the model has no vocabulary file to
ship or keep in step.
"""

from __future__ import annotations

import math
import re

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.utils import murmurhash3_32

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


def column(token: str) -> int:
    """The hashed column of one token."""
    return abs(int(murmurhash3_32(token, 0))) % N_FEATURES


def indices(text: str) -> list[int]:
    """The hashed feature columns of one text, each once (features are binary)."""
    return sorted({column(t) for t in set(tokens(text))})  # repeated tokens hashed once


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
    return csr_matrix(
        (
            np.asarray(values, dtype=np.float32),
            np.asarray(columns, dtype=np.int32),
            np.asarray(offsets, dtype=np.int64),
        ),
        shape=(len(texts), N_FEATURES),
    )
