"""``explain``, ``pack check|show|schema`` and ``test`` as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from proscribe.policy.pack import BUNDLED

Cli = Callable[..., subprocess.CompletedProcess[str]]
GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def test_explain_json_matches_the_golden_record(cli: Cli) -> None:
    done = cli(
        "explain",
        "Brand new Аntminer S19 95TH, 礦機",
        "--category",
        "Home > Heaters",
        "--as-of",
        "2021-10-20",
        "--jurisdiction",
        "CN",
        "--json",
    )
    assert done.returncode == 1, done.stderr
    golden = GOLDEN / "explain_antminer.json"
    if os.environ.get("PROSCRIBE_UPDATE_GOLDEN"):
        golden.write_text(done.stdout)
    assert json.loads(done.stdout) == json.loads(golden.read_text())


def test_explain_text_shows_evidence_and_reason(cli: Cli) -> None:
    done = cli("explain", "挖矿教程 新手入门", "--as-of", "2021-10-20")
    assert done.returncode == 1
    assert "decision block" in done.stdout
    assert "tutorial-phrases" in done.stdout and "reason: Block: crypto-tutorials" in done.stdout


def test_explain_piped_says_date_and_place_and_cuts_no_cell(cli: Cli) -> None:
    title = "Brand new Bitmain Antminer S19j Pro 104TH/s hashboard replacement kit"
    done = cli("explain", title)
    assert "(today: --as-of not given)" in done.stdout
    assert (
        "in no stated country (--jurisdiction not given; the pack's unknown_jurisdiction: "
        "apply)" in done.stdout
    )
    assert "…" not in done.stdout  # a table cut to 80 columns marks each cut cell with …
    assert "mining-hardware · word · asic-makers · 'Antminer'" in done.stdout
    placed = cli("explain", title, "--as-of", "2021-10-20", "--jurisdiction", "CN")
    assert "as of 2021-10-20   in CN   phase enforced" in placed.stdout


def test_pack_check_ok_and_errors(cli: Cli, tmp_path: Path) -> None:
    ok = cli("pack", "check", "cn-crypto-mining-2021")
    assert ok.returncode == 0 and "OK cn-crypto-mining-2021" in ok.stdout
    broken = tmp_path / "p"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", broken)
    cls = broken / "virtual-currency.yaml"
    cls.write_text(
        cls.read_text()
        .replace("vetoes_below: 0.9", "vetoes_below: 1.9")
        .replace("  - id: coin-amount", "  - id: coin-amount\n    colour: red")
    )
    done = cli("pack", "check", str(broken))
    assert done.returncode == 2
    assert "PSC-P003 unknown key 'colour'" in done.stderr
    assert "vetoes_below: Input should be less than or equal to 1" in done.stderr


def test_pack_show_says_what_where_and_when(cli: Cli) -> None:
    done = cli("pack", "show", "cn-crypto-mining-2021")
    assert done.returncode == 0
    for text in (
        "applies in: CN",
        "effective 2021-10-08",
        "enforced 2021-10-15",
        "mining-hardware",
        "Consumer Electronics > Blockchain Miners",
    ):
        assert text in done.stdout


def test_pack_schema_is_json_schema(cli: Cli) -> None:
    schema = json.loads(cli("pack", "schema").stdout)
    assert schema["additionalProperties"] is False
    assert "phases" in schema["properties"]
    assert "signals" in json.loads(cli("pack", "schema", "class").stdout)["properties"]


def test_bundled_cases_pass(cli: Cli) -> None:
    done = cli("test")
    assert done.returncode == 0, done.stdout
    passed, total = done.stdout.split("PASS: ")[-1].split()[0].split("/")
    assert passed == total and int(total) >= 150


def test_a_failing_case_fails_the_run(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", folder)
    (folder / "wrong.cases.yaml").write_text(
        "cases:\n  - {name: wrong, title: 'Yoga mat', expect: block}\n"
    )
    done = cli("test", str(folder))
    assert done.returncode == 1
    assert "FAIL: wrong.cases.yaml: wrong" in done.stdout
    assert "expected block, got allow" in done.stdout
