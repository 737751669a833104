"""``pack check`` reports the errors of every stage in one run, each with file:line:col,
a code and a hint that fits it."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO, edit_text

Cli = Callable[..., subprocess.CompletedProcess[str]]
FIXTURE = REPO / "tests" / "fixtures" / "uk-nitrous-oxide-2023"


def _planted(tmp_path: Path) -> Path:
    pack = tmp_path / "broken"
    shutil.copytree(FIXTURE, pack)
    yaml_file = pack / "nitrous-balloons.yaml"  # YAML: an unclosed flow sequence
    edit_text(yaml_file, "gas cracker, nitrous cracker]", "gas cracker, nitrous cracker")
    edit_text(
        pack / "pack.yaml", "unknown_jurisdiction: skip", "unknown_jurisdiction: skip\ncolour: red"
    )
    edit_text(pack / "pack.yaml", "jurisdictions: [GB]", "jurisdictions: [UK, EL]")
    edit_text(pack / "pack.yaml", "    class: nitrous-canisters", "    class: nitrous-canister")
    edit_text(pack / "pack.yaml", "enforced: 2023-11-22", "enforced: 2023-11-01")
    cls = pack / "nitrous-canisters.yaml"
    edit_text(
        cls,
        "    words:\n      en: [fastgas,",
        "    patterns: ['(unclosed', '\\bn₂o\\b']\n    words:\n      en: [fastgas,",
    )
    edit_text(pack / "canisters.cases.yaml", "expect: allow}", "expect: allowed}")
    return pack


def test_every_stage_reports_in_one_run(cli: Cli, tmp_path: Path) -> None:
    done = cli("pack", "check", str(_planted(tmp_path)))
    assert done.returncode == 2, done.stdout
    err = done.stderr
    expected = {
        "PSC-P002": "nitrous-balloons.yaml",  # YAML
        "PSC-P003": "pack.yaml",  # schema: unknown key
        "PSC-P012": "pack.yaml",  # reference: unknown class
        "PSC-P011": "nitrous-canisters.yaml",  # pattern that does not compile
        "PSC-P010": "pack.yaml",  # dates out of order
        "PSC-P050": "pack.yaml",  # not an ISO 3166-1 code
        "PSC-P051": "nitrous-canisters.yaml",  # defeated by normalisation
        "PSC-P007": "canisters.cases.yaml",  # a case's expect
    }
    for code, file in expected.items():
        assert re.search(rf"{re.escape(file)}:\d+:\d+: {code} ", err), (code, err)
    assert "did you mean 'nitrous-canisters'?" in err
    assert "'UK' is not an ISO 3166-1 alpha-2 country code" in err
    assert "did you mean 'GB'?" in err and "did you mean 'GR'?" in err
    assert "NFKC turns '₂' into '2'" in err
    assert "did you mean 'allow'? write one of: allow, review, block" in err
    assert "ids are lower-case" not in err


def test_a_schema_error_does_not_hide_the_class_files(cli: Cli, tmp_path: Path) -> None:
    pack = tmp_path / "p"
    shutil.copytree(FIXTURE, pack)
    edit_text(pack / "pack.yaml", 'revision: "2023.11.1"', 'revision: "2023.11.1"\nsumary: x')
    edit_text(pack / "nitrous-balloons.yaml", "weight: 0.9", "weight: 1.9")
    err = cli("pack", "check", str(pack)).stderr
    assert "unknown key 'sumary'" in err and "did you mean 'summary'?" in err
    assert re.search(r"nitrous-balloons.yaml:\d+:\d+: PSC-P007 signals.0.weight", err), err
