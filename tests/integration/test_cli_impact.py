"""``proscribe impact`` and ``proscribe pack diff`` on a revision a compliance team might write."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import next_revision

Cli = Callable[..., subprocess.CompletedProcess[str]]
ROWS = [
    {"id": "hw", "title": "Antminer S19 95TH", "seller_id": "s1", "category": "Electronics"},
    {"id": "stock", "title": "Stock trading strategies for beginners", "seller_id": "s2"},
    {"id": "coin1", "title": "比特币", "seller_id": "s7"},
    {"id": "coin2", "title": "以太坊", "seller_id": "s7"},
    {"id": "mat", "title": "Yoga mat 6mm", "seller_id": "s3"},
]


def test_impact_reports_each_kind_of_change_with_examples_and_sellers(
    cli: Cli, tmp_path: Path
) -> None:
    catalogue = tmp_path / "catalogue.jsonl"
    catalogue.write_text("".join(json.dumps(r) + "\n" for r in ROWS) + "{broken\n")
    new = next_revision(tmp_path)
    done = cli("impact", str(catalogue), "--from", "cn-crypto-mining-2021", "--to", str(new),
               "--as-of", "2021-10-20", "--jurisdiction", "CN", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["rows"] == 5 and report["rejected"] == 1
    assert (report["as_of"], report["as_of_source"], report["jurisdiction"]) == (
        "2021-10-20",
        "given",
        "CN",
    )
    assert report["to"]["revision"] == "2021.11.1"
    changes = report["changes"]
    assert changes["unblocked"] == 1 and changes["newly sent to review"] == 1
    assert changes["newly blocked"] == 2
    examples = {e["id"]: e for kind in report["examples"].values() for e in kind}
    assert examples["hw"]["before"]["decision"] == "block"
    assert examples["hw"]["after"]["decision"] == "review"
    assert "mat" not in examples
    crossing = {s["seller_id"]: s for s in report["sellers_crossing"]}
    assert crossing["s7"]["blocked_after"] == 2 and crossing["s7"]["step_after"] != "none"
    html = tmp_path / "impact.html"
    text = cli("impact", str(catalogue), "--from", "cn-crypto-mining-2021", "--to", str(new),
               "--as-of", "2021-10-20", "--jurisdiction", "CN", "--report", str(html))  # fmt: skip
    assert "unblocked" in text.stdout and "sellers crossing a penalty step: " in text.stdout
    assert "; as of 2021-10-20 in CN" in text.stdout
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "2021.11.1" in page and "s7" in page
    assert "Antminer S19 95TH" in page  # the unblocked example, with both reasons


def test_pack_diff_names_what_the_revision_changed(cli: Cli, tmp_path: Path) -> None:
    new = next_revision(tmp_path)
    done = cli("pack", "diff", "cn-crypto-mining-2021", str(new), "--json")
    assert done.returncode == 0, done.stderr
    paths = {" › ".join(c["path"]) for c in json.loads(done.stdout)["changes"]}
    assert "classes › mining-hardware › thresholds › block" in paths
    assert "model › thresholds › crypto-tutorials › review" in paths
    text = cli("pack", "diff", "cn-crypto-mining-2021", str(new)).stdout
    assert "changed revision: 2021.10.1 → 2021.11.1" in text


def test_activation_history_keeps_every_revision_and_its_files(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    from proscribe.deploy.revisions import restore
    from proscribe.store import engine_for

    first = cli("pack", "activate", "cn-crypto-mining-2021", "--note", "ban in force",
                "--by", "alice", "--db", db_url)  # fmt: skip
    assert first.returncode == 0, first.stderr
    again = cli("pack", "activate", "cn-crypto-mining-2021", "--note", "x", "--db", db_url)
    assert "live already" in again.stdout
    new = next_revision(tmp_path)
    assert cli("pack", "activate", str(new), "--note", "Nov revision", "--by", "bob",
               "--db", db_url).returncode == 0  # fmt: skip
    done = cli("pack", "history", "cn-crypto-mining-2021", "--db", db_url, "--json")
    found = json.loads(done.stdout)
    assert [(a["revision"], a["activated_by"], a["note"]) for a in found] == [
        ("2021.10.1", "alice", "ban in force"),
        ("2021.11.1", "bob", "Nov revision"),
    ]
    restored = restore(engine_for(db_url), "cn-crypto-mining-2021", "2021.10.1", tmp_path / "old")
    assert restored.digest == found[0]["digest"]  # the very files it decided with
    verify = cli("audit", "verify", "--db", db_url)
    assert verify.returncode == 0 and "2 events" in verify.stdout


def test_impact_over_two_processes_is_the_same_report(cli: Cli, tmp_path: Path) -> None:
    from proscribe.synth.catalogue import write

    catalogue = tmp_path / "catalogue.jsonl"
    write(catalogue, 5_000, seed=21)
    new = next_revision(tmp_path)
    args = ("impact", str(catalogue), "--from", "cn-crypto-mining-2021", "--to", str(new),
            "--as-of", "2021-10-20", "--jurisdiction", "CN", "--json")  # fmt: skip
    one, two = cli(*args, "--workers", "1"), cli(*args, "--workers", "2")
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert sum(json.loads(one.stdout)["changes"].values()) > 0
