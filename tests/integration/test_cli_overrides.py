"""``proscribe pack show --jurisdiction --as-of`` and scanning under country overrides."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import overridden_pack

Cli = Callable[..., subprocess.CompletedProcess[str]]


def test_pack_show_prints_the_effective_policy_of_one_country_at_one_date(
    cli: Cli, tmp_path: Path
) -> None:
    pack = overridden_pack(tmp_path / "pack")
    done = cli("pack", "show", str(pack), "--jurisdiction", "hk", "--as-of", "2021-10-12", "--json")
    assert done.returncode == 0, done.stderr
    effective = json.loads(done.stdout)["effective"]
    assert effective["jurisdiction"] == "HK" and effective["applies"] is True
    assert effective["overrides_applied"] == ["hk-wholesale"]
    assert effective["phase"] == "grace"
    status = {c["id"]: c["status"] for c in effective["classes"]}
    assert status["mining-hardware"] == "in force"
    assert status["crypto-tutorials"] == "lifted here"
    text = cli("pack", "show", str(pack), "--jurisdiction", "CN", "--as-of", "2021-10-12")
    assert text.returncode == 0, text.stderr
    assert "effective policy in CN: overrides applied cn-domestic" in text.stdout
    assert "on 2021-10-12: phase enforced" in text.stdout  # the domestic site's date
    plain = cli("pack", "show", str(pack), "--jurisdiction", "US", "--json")
    assert json.loads(plain.stdout)["effective"]["applies"] is False


def test_scan_decides_each_country_under_its_override(cli: Cli, tmp_path: Path) -> None:
    pack = overridden_pack(tmp_path / "pack")
    rows = [
        {"id": "cn", "title": "How to mine bitcoin: a beginner's course", "country": "CN"},
        {"id": "hk", "title": "How to mine bitcoin: a beginner's course", "country": "HK"},
        {"id": "hk-miner", "title": "Antminer S19 95TH", "country": "HK"},
    ]
    catalogue = tmp_path / "c.jsonl"
    catalogue.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "v.jsonl"
    done = cli("scan", str(catalogue), "--pack", str(pack), "--as-of", "2021-10-12",
               "--out", str(out), "--workers", "2")  # fmt: skip
    assert done.returncode == 1, done.stderr  # something is blocked
    got = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert got["cn"]["decision"] == "block" and got["cn"]["phase"] == "enforced"
    assert got["hk"]["decision"] == "allow"
    assert got["hk-miner"]["decision"] == "block" and got["hk-miner"]["phase"] == "grace"
