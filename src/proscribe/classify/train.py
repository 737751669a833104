"""``train(rows)``: fit a :class:`TextModel` on labelled listings, calibrate it, report it."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import train_test_split

from proscribe.classify.features import matrix as feature_matrix
from proscribe.classify.model import Matrix, TextModel, softmax
from proscribe.classify.text import model_text

ALLOWED = "allowed"


@dataclass(frozen=True)
class TrainReport:
    """What training saw and how the model did on the rows it held out."""

    rows: int
    skipped: Counter[str]
    labels: dict[str, int]
    temperature: float
    holdout: dict[str, dict[str, float]]
    seconds: float

    def to_record(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "skipped": dict(self.skipped),
            "labels": self.labels,
            "temperature": round(self.temperature, 4),
            "holdout": self.holdout,
            "seconds": round(self.seconds, 1),
        }


def examples(rows: Iterable[dict[str, Any]]) -> tuple[list[str], list[str], Counter[str]]:
    """Texts and labels (``allowed`` or the class); borderline and unlabelled rows are skipped."""
    texts: list[str] = []
    labels: list[str] = []
    skipped: Counter[str] = Counter()
    for row in rows:
        label = row.get("label")
        if label == "prohibited" and row.get("class"):
            labels.append(str(row["class"]))
        elif label == "allowed":
            labels.append(ALLOWED)
        else:
            skipped[str(label)] += 1
            continue
        texts.append(model_text(str(row.get("title") or ""), row.get("description")))
    return texts, labels, skipped


def train(
    rows: Iterable[dict[str, Any]], *, c: float = 0.5, holdout: float = 0.1, seed: int = 7
) -> tuple[TextModel, TrainReport]:
    """Fit on all rows after calibrating the temperature on a stratified held-out share."""
    started = time.perf_counter()
    texts, labels, skipped = examples(rows)
    counts = Counter(labels)
    if len(counts) < 2 or ALLOWED not in counts:
        raise ValueError("training needs allowed rows and at least one prohibited class")
    matrix = feature_matrix(texts)
    y = np.array(labels)
    fit_x, held_x, fit_y, held_y = train_test_split(
        matrix, y, test_size=holdout, random_state=seed, stratify=y
    )
    first = _fit(fit_x, fit_y, c, seed)
    held_logits = _two_columns(np.asarray(first.decision_function(held_x), dtype=np.float32))
    temperature = _temperature(held_logits, held_y, first.classes_)
    scores = _holdout_scores(softmax(held_logits / temperature), held_y, first.classes_)
    final = _fit(matrix, y, c, seed)
    model = TextModel(
        tuple(str(c) for c in final.classes_),
        _two_columns(np.asarray(final.coef_, dtype=np.float32).T).T,
        _two_columns(np.asarray(final.intercept_, dtype=np.float32)[None, :])[0],
        temperature,
        {
            "trained": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "rows": len(texts),
            "labels": dict(counts),
            "c": c,
            "seed": seed,
        },
    )
    seconds = time.perf_counter() - started
    report = TrainReport(len(texts), skipped, dict(counts), temperature, scores, seconds)
    return model, report


def _two_columns(logits: Matrix) -> Matrix:
    """A binary model's one logit ``z`` as the softmax pair ``(0, z)``; others unchanged."""
    if logits.ndim == 1:
        logits = logits[:, None]
    if logits.shape[1] == 1:
        return np.hstack([np.zeros_like(logits), logits])
    return logits


def _fit(x: Any, y: Any, c: float, seed: int) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=1000, random_state=seed).fit(x, y)


def _temperature(logits: Matrix, truth: Any, classes: Any) -> float:
    """The ``T ≥ 1`` that minimises the held-out negative log-likelihood of ``softmax(z / T)``.

    Never below 1: rows held out of a templated corpus are easier than real listings, and
    sharpening the model on them would claim a certainty it has not earned.
    """
    index = np.searchsorted(classes, truth)

    def nll(t: float) -> float:
        p = softmax(logits / t)[np.arange(len(index)), index]
        return float(-np.log(np.clip(p, 1e-9, 1.0)).mean())

    result = minimize_scalar(nll, bounds=(1.0, 20.0), method="bounded")
    return float(result.x)


def _holdout_scores(proba: Matrix, truth: Any, classes: Any) -> dict[str, dict[str, float]]:
    predicted = classes[proba.argmax(axis=1)]
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=classes, zero_division=0
    )
    return {
        str(label): {
            "precision": round(float(p), 4),
            "recall": round(float(r), 4),
            "f1": round(float(f), 4),
            "support": int(s),
        }
        for label, p, r, f, s in zip(classes, precision, recall, f1, support, strict=True)
    }
