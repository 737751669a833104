"""``proscribe eval`` on a project-written labelled file."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO

Cli = Callable[..., subprocess.CompletedProcess[str]]
LABELLED = REPO / "tests" / "fixtures" / "labelled.jsonl"


def test_eval_reports_groups_borderline_and_worst_misses(cli: Cli) -> None:
    done = cli("eval", str(LABELLED), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    total = report["groups"]["all"]
    assert (total["prohibited"], total["prohibited_flagged"], total["allowed_flagged"]) == (3, 2, 0)
    assert round(total["flagged_recall"], 3) == 0.667 and total["blocked_precision"] == 1.0
    assert (total["borderline"], total["borderline_flagged"]) == (1, 1)
    assert round(total["flagged_f1"], 3) == 0.8
    assert report["groups"]["class:mining-hardware"]["flagged_recall"] == 0.5
    assert report["groups"]["lang:zh"]["false_positive_rate"] == 0.0
    assert [m["id"] for m in report["worst_misses"]] == ["p3"]


def test_a_failed_gate_exits_one_and_says_so(cli: Cli) -> None:
    done = cli("eval", str(LABELLED), "--min-recall", "0.9", "--min-precision", "0.9")
    assert done.returncode == 1
    assert "GATE FAILED: flagged recall" in done.stdout
    assert "GATE FAILED: blocked precision" not in done.stdout
    assert "Lot 42, see photos" in done.stdout  # the worst miss, with its explanation


def test_malformed_labelled_file_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": "t", "label": "maybe"}\n')
    done = cli("eval", str(bad))
    assert done.returncode == 2 and "PSC-C014" in done.stderr and "bad.jsonl:1" in done.stderr
