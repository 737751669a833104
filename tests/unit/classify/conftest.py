"""A small model trained once for the classify tests, on the project-written corpus."""

from __future__ import annotations

import pytest

from proscribe.classify import TextModel
from proscribe.classify.train import TrainReport, train
from proscribe.synth.training import training_rows


@pytest.fixture(scope="session")
def small() -> tuple[TextModel, TrainReport]:
    return train(training_rows(12000, seed=11), seed=11)
