"""``TextModel``: a linear classifier over hashed tokens, with calibrated probabilities.

The file a pack names is a skops archive that holds only NumPy arrays and plain metadata (no
estimator objects, nothing executable), so loading a model from a user path runs no code. A
multinomial logistic regression gives one logit per label; a single temperature, fitted on
held-out rows at training time, calibrates the softmax (``p = softmax(logits / T)``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from proscribe.classify.archive import read_archive
from proscribe.classify.features import (
    FEATURE_VERSION,
    N_FEATURES,
    batch_logits,
    column,
    tokens,
)
from proscribe.classify.modelfile import disallowed_types, missing_keys
from proscribe.errors import Diagnostic, Location, PackError

FORMAT = "proscribe-text-model/1"
Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TextModel:
    """Label probabilities for texts; ``labels`` holds ``allowed`` and the pack's class ids."""

    labels: tuple[str, ...]
    coef: Matrix  # (labels, N_FEATURES)
    intercept: Matrix  # (labels,)
    temperature: float
    info: dict[str, Any] = field(default_factory=dict)
    digest: str = ""

    def __post_init__(self) -> None:
        # one contiguous (features × labels) copy: a row of features reads adjacent memory
        object.__setattr__(self, "_by_feature", np.ascontiguousarray(self.coef.T))

    def logits(self, texts: list[str]) -> Matrix:
        weights = self._by_feature  # type: ignore[attr-defined]
        return batch_logits(texts, weights, self.intercept)

    def probabilities(self, texts: list[str]) -> Matrix:
        """``(len(texts), len(labels))`` calibrated probabilities; each row sums to 1."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return softmax(self.logits(texts) / self.temperature)

    def explain(self, text: str, label: str, top: int = 3) -> list[tuple[str, float]]:
        """The tokens of ``text`` that push hardest towards ``label``, with their weights."""
        row = self.coef[self.labels.index(label)]
        seen = list(dict.fromkeys(tokens(text)))
        if not seen:
            return []
        weights = [float(row[column(t)]) for t in seen]
        pushes = [(t, w) for t, w in zip(seen, weights, strict=True) if w > 0]
        # words and character pairs read better than lone characters: show those first
        pushes.sort(key=lambda p: (len(p[0]) < 2, -p[1]))
        return [(_surface(t), w) for t, w in pushes[:top]]

    def save(self, path: Path) -> None:
        from skops.io import dump  # training only: skops pulls in scikit-learn

        dump(
            {
                "format": FORMAT,
                "feature_version": FEATURE_VERSION,
                "n_features": N_FEATURES,
                "labels": list(self.labels),
                "coef": self.coef,
                "intercept": self.intercept,
                "temperature": self.temperature,
                "info": self.info,
            },
            path,
        )


def softmax(z: Matrix) -> Matrix:
    shifted = np.exp(z - z.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True), dtype=np.float32)


def load_model(path: Path) -> TextModel:
    """Read a model file; refuse one holding anything but arrays and plain data (PSC-P030)."""
    where = Location(str(path))
    if not path.is_file():
        raise PackError(_problem("PSC-P030", f"model file '{path}' not found", where))
    try:
        untrusted = disallowed_types(path)
        if untrusted:
            raise PackError(
                _problem(
                    "PSC-P031",
                    f"model file holds types outside the allow-list: {', '.join(untrusted[:3])}",
                    where,
                    "only models written by `proscribe train` load; retrain with it",
                )
            )
        data = read_archive(path)  # the allow-listed nodes only, without skops
    except PackError:
        raise
    except Exception as exc:  # zip or schema damage: say which file, never half-load
        raise PackError(_problem("PSC-P031", f"model file unreadable: {exc}", where)) from exc
    return _checked(data, path, where)


def _checked(data: Any, path: Path, where: Location) -> TextModel:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PackError(_problem("PSC-P031", f"not a {FORMAT} file", where))
    missing = missing_keys(data)
    if missing:
        message = f"model file lacks {', '.join(missing)}"
        raise PackError(_problem("PSC-P031", message, where, "retrain it: `proscribe train`"))
    if data["feature_version"] != FEATURE_VERSION or data["n_features"] != N_FEATURES:
        raise PackError(
            _problem(
                "PSC-P032",
                f"model features v{data['feature_version']} ≠ this proscribe's v{FEATURE_VERSION}",
                where,
                "retrain the model with this version: `proscribe train`",
            )
        )
    try:
        model = TextModel(
            tuple(str(label) for label in data["labels"]),
            np.asarray(data["coef"], dtype=np.float32),
            np.asarray(data["intercept"], dtype=np.float32),
            float(data["temperature"]),
            dict(data.get("info") or {}),
            hashlib.sha256(path.read_bytes()).hexdigest(),
        )
    except (TypeError, ValueError) as exc:
        message = f"model file malformed: {exc}"
        hint = "retrain it: `proscribe train`"
        raise PackError(_problem("PSC-P031", message, where, hint)) from exc
    shape = (len(model.labels), N_FEATURES)
    if model.coef.shape != shape or model.intercept.shape != shape[:1]:
        message = f"model arrays are {model.coef.shape} and {model.intercept.shape}, not {shape}"
        raise PackError(_problem("PSC-P031", message, where, "retrain it: `proscribe train`"))
    return model


def _problem(code: str, message: str, where: Location, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, message, where, hint or "point `model.file` at a model file")


def _surface(token: str) -> str:
    """``"w antminer"`` → ``antminer``; ``"b home server"`` → ``home server``; a shape
    ``"s 0th"`` → ``#th`` (a number, then "th")."""
    if token.startswith("s "):
        return token[2:].replace("0", "#")
    return token[2:] if token[:2] in ("w ", "b ") else token
