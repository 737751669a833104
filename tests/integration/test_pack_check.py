"""``pack check`` reports the errors of every stage in one run, each with file:line:col,
a code and a hint that fits it."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import edit_text
from tests.docpack import write_doc_pack

Cli = Callable[..., subprocess.CompletedProcess[str]]


def _planted(tmp_path: Path) -> Path:
    pack = write_doc_pack(tmp_path / "broken")
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
    pack = write_doc_pack(tmp_path / "p")
    edit_text(pack / "pack.yaml", 'revision: "2023.11.1"', 'revision: "2023.11.1"\nsumary: x')
    edit_text(pack / "nitrous-balloons.yaml", "weight: 0.9", "weight: 1.9")
    err = cli("pack", "check", str(pack)).stderr
    assert "unknown key 'sumary'" in err and "did you mean 'summary'?" in err
    assert re.search(r"nitrous-balloons.yaml:\d+:\d+: PSC-P007 signals.0.weight", err), err


def test_the_key_reference_in_the_docs_is_generated_from_the_schema(cli: Cli) -> None:
    from tests.docpack import DOC

    from proscribe.policy.reference import END, START

    page = DOC.read_text(encoding="utf-8")
    generated = cli("pack", "schema", "--markdown").stdout
    assert generated.startswith(START) and generated.rstrip().endswith(END)
    shown = page[page.index(START) : page.index(END) + len(END)]
    assert shown + "\n" == generated, (
        "docs/policy-packs.md is stale: paste `pack schema --markdown`"
    )
    for key in ("`enforcement.evasion.step`", "`phases.enforced`", "`signals[].patterns[]`"):
        assert key in generated


def test_pack_new_passes_check_and_test_at_once(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "my-ban"
    done = cli("pack", "new", "my-ban", "--dir", str(folder), "--jurisdictions", "GB,IE")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "banned-goods.cases.yaml",
        "banned-goods.yaml",
        "pack.yaml",
    ]
    text = (folder / "pack.yaml").read_text()
    for section in ("jurisdictions: [GB, IE]", "enforcement:", "evasion:", "phases:", "# access:"):
        assert section in text
    assert "OK my-ban" in cli("pack", "check", str(folder)).stdout
    tested = cli("test", str(folder))
    assert tested.returncode == 0 and "PASS: 7/7" in tested.stdout, tested.stdout
    again = cli("pack", "new", "my-ban", "--dir", str(folder))
    assert again.returncode == 2 and "PSC-U052" in again.stderr
    wrong = cli("pack", "new", "x", "--dir", str(tmp_path / "x"), "--jurisdictions", "UK")
    assert wrong.returncode == 2 and "did you mean 'GB'?" in wrong.stderr


def test_pack_new_from_a_bundled_pack_takes_the_new_id(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    done = cli(
        "pack", "new", "my-exchange", "--from", "cn-exchange-offboarding-2021", "--dir", str(folder)
    )
    assert done.returncode == 0, done.stderr
    assert "OK my-exchange" in cli("pack", "check", str(folder)).stdout


def test_mutate_reports_per_trick_and_holds_the_packs_bar(cli: Cli, tmp_path: Path) -> None:
    pack = write_doc_pack(tmp_path / "p")
    done = cli("test", str(pack), "--mutate", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout.splitlines()[0])
    again = json.loads(cli("test", str(pack), "--mutate", "--json").stdout.splitlines()[0])
    assert report == again  # seeded: the same variants every run
    tricks = report["tricks"]
    assert set(tricks) >= {"split-letters", "leetspeak", "look-alike", "full-width", "typo"}
    assert tricks["look-alike"]["variants"] > 0 and tricks["look-alike"]["recall"] == 1.0
    assert tricks["traditional"]["variants"] == 0  # no Chinese in this pack's cases
    assert tricks["full-width"]["twins"] > 0
    assert report["min_recall"] is None and not report["missed"]
    text = cli("test", str(pack), "--mutate").stdout
    assert "Mutations of uk-nitrous-oxide-2023's cases" in text and "mutation recall" in text
    with (pack / "pack.yaml").open("a", encoding="utf-8") as out:
        out.write("mutation: {min_recall: 1.0}\n")
    strict = cli("test", str(pack), "--mutate")
    if report["recall"] < 1.0:
        assert strict.returncode == 1 and "BELOW min_recall 100%" in strict.stdout
    else:
        assert strict.returncode == 0


def test_mutate_is_the_same_whatever_the_hash_seed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = []
    for seed in ("1", "2"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)  # set order must not steer the variants
        done = cli("test", "cn-crypto-mining-2021", "--mutate", "--json")
        assert done.returncode == 0, done.stderr
        runs.append(done.stdout.splitlines()[0])
    assert runs[0] == runs[1]
