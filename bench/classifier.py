"""The classifier: why hashed word + Chinese-bigram tokens, measured against the alternatives.

    .venv/bin/python bench/classifier.py [--rows 100000]

Trains, on the same project-written corpus (``proscribe.synth.training``), a multinomial
logistic regression over

* ``tokens``: proscribe's features (words, word bigrams, digit shapes; Chinese characters and
  character pairs), hashed with MurmurHash3 — what the bundled model uses;
* ``char 2-4``: scikit-learn's ``HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4))``,
  the obvious language-agnostic alternative;

and prints, for each: training time, scoring rate on one core (listings/s, batches of 1,000),
and — when ../shared/data/dev/ALL.jsonl is present — the model's own crypto-tutorials recall
(no terms) at a false-positive budget of 0.1% of the allowed listings.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression

from proscribe.classify.features import N_FEATURES, matrix
from proscribe.classify.text import model_text
from proscribe.classify.train import examples
from proscribe.synth.training import training_rows

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "ALL.jsonl"
Featurize = Callable[[list[str]], Any]


def _char_grams() -> Featurize:
    hasher = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 4), n_features=N_FEATURES, alternate_sign=False
    )
    return hasher.transform  # type: ignore[no-any-return]


def _rate(featurize: Featurize, model: LogisticRegression, texts: list[str]) -> float:
    started = time.perf_counter()
    for i in range(0, len(texts), 1000):
        model.predict_proba(featurize(texts[i : i + 1000]))
    return len(texts) / (time.perf_counter() - started)


def _dev_recall(featurize: Featurize, model: LogisticRegression) -> str:
    if not DEV.is_file():
        return "no DEV set"
    rows = [orjson.loads(line) for line in DEV.read_bytes().splitlines() if line.strip()]
    texts = [model_text(r["title"], r.get("description")) for r in rows]
    column = list(model.classes_).index("crypto-tutorials")
    chunks = [texts[i : i + 5000] for i in range(0, len(texts), 5000)]
    p = np.concatenate([model.predict_proba(featurize(c))[:, column] for c in chunks])
    allowed = np.array([r["label"] == "allowed" for r in rows])
    wanted = ("prohibited", "crypto-tutorials")
    tutorials = np.array([(r["label"], r["class"]) == wanted for r in rows])
    budget = int(allowed.sum() * 0.001)
    cut = np.sort(p[allowed])[-budget - 1]  # the threshold that flags `budget` allowed rows
    return f"{(p[tutorials] > cut).mean():.3f} at {budget} false alarms (p > {cut:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    texts, labels, _ = examples(training_rows(args.rows))
    print(f"training corpus: {len(texts):,} project-written rows; one core\n")
    for name, featurize in (("tokens (proscribe)", matrix), ("char 2-4 (sklearn)", _char_grams())):
        started = time.perf_counter()
        features = featurize(texts)
        model = LogisticRegression(C=0.5, max_iter=1000).fit(features, labels)
        trained = time.perf_counter() - started
        rate = _rate(featurize, model, texts[:20_000])
        print(f"{name:20} train {trained:6.1f} s   score {rate:9,.0f} listings/s")
        print(f"{'':20} DEV crypto-tutorials recall, model alone: {_dev_recall(featurize, model)}")


if __name__ == "__main__":
    main()
