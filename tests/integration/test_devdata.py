"""The bundled pack on the labelled DEV set: quality floors that must not regress.

Reads ../shared/data/dev/ALL.jsonl (real listings, never copied here); skipped where absent.
"""

from __future__ import annotations

import datetime as dt

import orjson
import pytest
from tests.conftest import DEV_DATA

from proscribe import Engine
from proscribe.evaluate import evaluate

pytestmark = pytest.mark.devdata


@pytest.fixture(scope="module")
def tallies(engine: Engine) -> dict[str, object]:
    path = DEV_DATA / "ALL.jsonl"
    if not path.is_file():
        pytest.skip(f"no labelled DEV data at {path}")
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    return evaluate(engine, rows, as_of=dt.date(2021, 10, 20), jurisdiction="CN")  # type: ignore[return-value]


def test_false_positive_rate_stays_under_a_fifth_of_a_percent(tallies: dict) -> None:  # type: ignore[type-arg]
    assert tallies["all"].false_positive_rate <= 0.002


def test_blocked_precision_stays_high(tallies: dict) -> None:  # type: ignore[type-arg]
    assert tallies["all"].blocked_precision >= 0.97


def test_hardware_and_software_recall(tallies: dict) -> None:  # type: ignore[type-arg]
    assert tallies["class:mining-hardware"].flagged_recall >= 0.95
    assert tallies["class:mining-software"].flagged_recall >= 0.9


def test_flagged_recall_overall_and_in_every_class_with_twenty_examples(tallies: dict) -> None:  # type: ignore[type-arg]
    assert tallies["all"].flagged_recall >= 0.95
    classes = {g: t for g, t in tallies.items() if g.startswith("class:") and t.prohibited >= 20}
    assert len(classes) >= 3  # hardware, software, tutorials
    weak = {g: round(t.flagged_recall, 3) for g, t in classes.items() if t.flagged_recall < 0.90}
    assert not weak, weak
