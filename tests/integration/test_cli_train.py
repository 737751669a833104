"""``proscribe train`` as a platform runs it: its reviewers' labels, our corpus, or both."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO

from proscribe.classify import load_model
from proscribe.policy.pack import BUNDLED

Cli = Callable[..., subprocess.CompletedProcess[str]]
LABELLED = REPO / "tests" / "fixtures" / "labelled.jsonl"


def test_train_on_labels_and_corpus_then_a_pack_uses_the_model(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "model.skops"
    done = cli("train", str(LABELLED), "--synthetic", "6000", "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["rows"] == 6000 + 5  # the fixture's borderline row is skipped
    assert report["skipped"] == {"borderline": 1}
    assert report["holdout"]["mining-hardware"]["recall"] > 0.8
    assert load_model(out).labels[0] == "allowed"
    pack = tmp_path / "pack"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", pack)
    shutil.copy(out, pack / "model.skops")
    explained = cli(
        "explain", "Silent SHA-256 box 120TH, daily BTC payouts", "--pack", str(pack), "--json"
    )
    assert explained.returncode in (0, 1), explained.stderr
    assert "probabilities" in json.loads(explained.stdout)


def test_train_without_rows_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    done = cli("train", "--out", str(tmp_path / "m.skops"))
    assert done.returncode == 2
    assert "PSC-U020" in done.stderr


def test_train_on_a_malformed_file_names_the_line(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": "t", "label": "allowed"}\n{not json}\n')
    done = cli("train", str(bad), "--out", str(tmp_path / "m.skops"))
    assert done.returncode == 2
    assert "bad.jsonl:2" in done.stderr and "PSC-C007" in done.stderr
