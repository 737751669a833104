from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from skops.io import dump

from proscribe import PackError
from proscribe.classify import TextModel, load_model
from proscribe.classify.model import FORMAT
from proscribe.classify.text import model_text
from proscribe.classify.train import TrainReport, train

TEXTS = [
    model_text("Antminer S19j Pro 104TH/s"),
    model_text("如何在币安上交易比特币：新手指南"),
    model_text("不锈钢保温杯 500ml"),
]


def test_probabilities_are_a_distribution_per_listing(small: tuple[TextModel, TrainReport]) -> None:
    model, _ = small
    p = model.probabilities(TEXTS)
    assert p.shape == (3, len(model.labels))
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    best = [model.labels[i] for i in p.argmax(axis=1)]
    assert best == ["mining-hardware", "crypto-tutorials", "allowed"]


def test_saved_model_loads_to_the_same_probabilities(
    small: tuple[TextModel, TrainReport], tmp_path: Path
) -> None:
    model, _ = small
    model.save(tmp_path / "m.skops")
    again = load_model(tmp_path / "m.skops")
    assert again.labels == model.labels
    assert np.allclose(again.probabilities(TEXTS), model.probabilities(TEXTS))
    assert len(again.digest) == 64


def test_explain_names_tokens_of_the_listing(small: tuple[TextModel, TrainReport]) -> None:
    model, _ = small
    pushes = model.explain(TEXTS[0], "mining-hardware")
    assert pushes and all(w > 0 for _, w in pushes)
    shapes = re.sub(r"\d+", "0", TEXTS[0])  # shape tokens read "s19j" as "s0j"
    assert all(token in TEXTS[0] or token.replace("#", "0") in shapes for token, _ in pushes)
    multi = [w for t, w in pushes if len(t) > 1]
    assert multi == sorted(multi, reverse=True)  # strongest first, lone characters last


def test_a_file_with_code_bearing_types_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "evil.skops"
    dump(LogisticRegression(), path)  # an estimator object, not plain arrays
    with pytest.raises(PackError) as caught:
        load_model(path)
    assert caught.value.diagnostics[0].code == "PSC-P031"


def test_missing_and_foreign_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_model(tmp_path / "none.skops")
    assert caught.value.diagnostics[0].code == "PSC-P030"
    dump({"format": "something-else"}, tmp_path / "other.skops")
    with pytest.raises(PackError) as caught:
        load_model(tmp_path / "other.skops")
    assert caught.value.diagnostics[0].code == "PSC-P031"


def test_a_model_of_other_features_is_refused(
    small: tuple[TextModel, TrainReport], tmp_path: Path
) -> None:
    model, _ = small
    data = {
        "format": FORMAT,
        "feature_version": 0,
        "n_features": model.coef.shape[1],
        "labels": list(model.labels),
        "coef": model.coef,
        "intercept": model.intercept,
        "temperature": 1.0,
        "info": {},
    }
    dump(data, tmp_path / "old.skops")
    with pytest.raises(PackError) as caught:
        load_model(tmp_path / "old.skops")
    assert caught.value.diagnostics[0].code == "PSC-P032"


def test_training_reports_holdout_and_skips_borderline() -> None:
    rows = [
        {"title": f"Antminer S{n} {n}0TH/s", "label": "prohibited", "class": "mining-hardware"}
        for n in range(9, 60)
    ] + [{"title": f"cotton t-shirt size {n}", "label": "allowed"} for n in range(60)]
    rows.append({"title": "6 GPU bundle", "label": "borderline", "class": "mining-hardware"})
    model, report = train(rows, holdout=0.2)
    assert report.skipped["borderline"] == 1
    assert report.rows == len(rows) - 1
    assert set(report.holdout) == {"allowed", "mining-hardware"}
    assert report.temperature >= 1.0  # never sharpened
    assert model.labels == ("allowed", "mining-hardware")
    p = model.probabilities([model_text("Antminer S77 770TH/s"), model_text("t-shirt size 99")])
    assert p[0, 1] > 0.5 > p[1, 1]  # a binary model is a two-column softmax too


def test_training_without_allowed_rows_is_an_error() -> None:
    rows = [{"title": "Antminer S19", "label": "prohibited", "class": "mining-hardware"}] * 20
    with pytest.raises(ValueError, match="allowed"):
        train(rows)


def test_nodes_outside_the_allow_list_are_refused_by_the_reader_itself(tmp_path: Path) -> None:
    """The skops-free reader refuses what the allow-list check would: a type it cannot read."""
    from proscribe.classify.archive import read_archive

    path = tmp_path / "odd.skops"
    dump({"format": FORMAT, "when": {1, 2}}, path)  # a set: no allowed node
    with pytest.raises(ValueError, match="outside the allow-list"):
        read_archive(path)
    with pytest.raises(PackError) as caught:
        load_model(path)
    assert caught.value.diagnostics[0].code == "PSC-P031"


def test_an_object_array_is_refused_never_unpickled(tmp_path: Path) -> None:
    path = tmp_path / "objects.skops"
    dump({"format": FORMAT, "coef": np.array([object()], dtype=object)}, path)
    with pytest.raises(PackError) as caught:
        load_model(path)
    assert caught.value.diagnostics[0].code == "PSC-P031"
