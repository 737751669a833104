from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from proscribe.classify.features import N_FEATURES, indices, matrix, tokens
from proscribe.classify.text import model_text


def test_chinese_needs_no_segmentation() -> None:
    found = tokens("蚂蚁矿机s19")
    assert "矿机" in found and "蚂蚁" in found  # bigrams across what a segmenter would split
    assert "w s19" in found and "s s0" in found  # the model and its shape


def test_latin_words_shapes_and_bigrams() -> None:
    found = tokens("antminer s19j pro 110th")
    assert {"w antminer", "s s0j", "b s19j pro", "s 0th"} <= set(found)
    assert "s antminer" not in found  # shapes only for words with digits


def test_model_text_folds_tricks_and_adds_the_deobfuscated_view() -> None:
    assert "antminer" in model_text("Ａｎｔｍｉｎｅｒ")  # full-width folded
    assert "礦機" not in model_text("螞蟻礦機") and "矿机" in model_text("螞蟻礦機")
    text = model_text("4ntm1n3r s19")
    assert "4ntm1n3r" in text and "antminer" in text  # what was written, and what it means


@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_rows_are_binary_and_unit_length(texts: list[str]) -> None:
    rows = matrix(texts)
    assert rows.shape == (len(texts), N_FEATURES)
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    for text, norm in zip(texts, norms, strict=True):
        expected = 1.0 if indices(text) else 0.0
        assert abs(norm - expected) < 1e-5


@given(st.lists(st.text(max_size=30), min_size=1, max_size=50))
def test_hashing_equals_scikit_learns_murmurhash(texts: list[str]) -> None:
    """``mmh3`` replaced scikit-learn's hash at decision time: the same column for every token."""
    from sklearn.utils import murmurhash3_32

    from proscribe.classify.features import column

    words = [*texts, *(t for text in texts for t in tokens(model_text(text)))]
    words += ["w antminer", "矿机", "s s0j", "b home server", "", "\U0001d400", "é"]
    for word in words:
        assert column(word) == abs(int(murmurhash3_32(word, 0))) % N_FEATURES


def test_batch_logits_equal_the_sparse_product_to_the_bit() -> None:
    from proscribe.classify.features import batch_logits

    rng = np.random.default_rng(7)
    weights = rng.standard_normal((N_FEATURES, 5)).astype(np.float32)
    intercept = rng.standard_normal(5).astype(np.float32)
    texts = ["antminer s19 95th", "", "矿机 出售", "!!!", "home server rack 4u", "antminer"]
    expected = np.asarray(matrix(texts) @ weights + intercept, dtype=np.float32)
    assert np.array_equal(batch_logits(texts, weights, intercept), expected)
    assert batch_logits([], weights, intercept).shape == (0, 5)
