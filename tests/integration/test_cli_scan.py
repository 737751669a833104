"""``proscribe scan`` end to end, as a real process, on every input and output format."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from tests.conftest import REPO

Cli = Callable[..., subprocess.CompletedProcess[str]]
ROWS = [
    {"id": "a1", "title": "Antminer S19j Pro 104TH/s", "seller_id": "s1", "category": "Miners"},
    {"id": "a2", "title": "Yoga mat 6mm", "seller_id": "s2"},
    {"id": "a3", "title": "Bitcoin For Beginners", "seller_id": "s3"},
    {
        "id": "a4",
        "title": "Аntminer S19 95TH",
        "seller_id": "s1",
        "category": "Home Appliances > Heaters",
    },
]
SCAN = ("scan", "--as-of", "2021-10-20", "--jurisdiction", "CN")


def _jsonl(path: Path, rows: list[dict[str, str]], extra: bytes = b"") -> Path:
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in rows) + extra)
    return path


def _verdicts(path: Path) -> dict[str, dict[str, object]]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


def test_scan_writes_one_explained_verdict_per_listing(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "v.jsonl"
    done = cli(*SCAN, str(_jsonl(tmp_path / "c.jsonl", ROWS)), "--out", str(out))
    assert done.returncode == 1, done.stderr  # something is prohibited
    verdicts = _verdicts(out)
    assert [verdicts[i]["decision"] for i in ("a1", "a2", "a3", "a4")] == [
        "block",
        "allow",
        "review",
        "block",
    ]
    record = verdicts["a4"]
    for key in (
        "id",
        "decision",
        "classes",
        "score",
        "evidence",
        "evasion",
        "reason",
        "pack",
        "revision",
        "as_of",
        "jurisdiction",
    ):
        assert key in record
    assert {e["signal"] for e in record["evasion"]} == {"obfuscated", "misplaced"}
    evidence = next(e for e in record["evidence"] if e["rule"] == "asic-makers")
    assert ROWS[3]["title"][evidence["start"] : evidence["end"]] == "Аntminer"
    assert "Scan summary" in done.stdout


def test_clean_catalogue_exits_zero(cli: Cli, tmp_path: Path) -> None:
    done = cli(*SCAN, str(_jsonl(tmp_path / "c.jsonl", [ROWS[1]])))
    assert done.returncode == 0, done.stderr


def test_malformed_rows_are_reported_counted_and_kept_aside(cli: Cli, tmp_path: Path) -> None:
    catalogue = _jsonl(tmp_path / "c.jsonl", ROWS, b'{"id": "x9", "title": ""}\n{broken\n')
    out = tmp_path / "v.jsonl"
    done = cli(*SCAN, str(catalogue), "--out", str(out))
    assert "row 5 (id x9): PSC-C009 the row has no title" in done.stderr
    assert "row 6: PSC-C007 not valid JSON" in done.stderr
    assert len(_verdicts(out)) == 4
    rejects = [json.loads(x) for x in (tmp_path / "v.rejects.jsonl").read_text().splitlines()]
    assert [(r["row"], r["id"]) for r in rejects] == [(5, "x9"), (6, None)]
    assert "rejected rows" in done.stdout


def test_csv_and_parquet_in_parquet_out_agree_with_jsonl(cli: Cli, tmp_path: Path) -> None:
    csv_path = tmp_path / "c.csv"
    header = "id,title,seller_id,category"
    lines = [header] + [",".join(f'"{r.get(k, "")}"' for k in header.split(",")) for r in ROWS]
    csv_path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "v.parquet"
    done = cli(*SCAN, str(csv_path), "--out", str(out), "--workers", "2")
    assert done.returncode == 1, done.stderr
    table = pq.read_table(out).to_pylist()
    assert [r["decision"] for r in table] == ["block", "allow", "review", "block"]
    assert table[0]["evidence"][0]["field"] == "title"


def test_workers_give_the_same_verdicts_in_the_same_order(cli: Cli, tmp_path: Path) -> None:
    catalogue = REPO / "samples" / "catalogue.jsonl"
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    cli(*SCAN, str(catalogue), "--out", str(one), "--workers", "1")
    cli(*SCAN, str(catalogue), "--out", str(two), "--workers", "2")
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_text().splitlines()) == 3000


def test_report_is_written_with_charts_and_highlighted_evidence(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    cli(*SCAN, str(_jsonl(tmp_path / "c.jsonl", ROWS)), "--report", str(report))
    html = report.read_text()
    assert html.count("<svg") >= 2
    assert "<mark" in html and ">Antminer</mark>" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.jsonl",), "PSC-C001"),
        (("catalogue.xlsx",), "PSC-C002"),
        (("c.jsonl", "--as-of", "20-10-2021"), "PSC-U001"),
        (("c.jsonl", "--jurisdiction", "China"), "PSC-U004"),
        (("c.jsonl", "--pack", "no-such-pack"), "PSC-P008"),
        (("c.jsonl", "--out", "v.txt"), "PSC-U002"),
    ],
)
def test_bad_usage_exits_two_with_a_coded_message(
    cli: Cli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    _jsonl(tmp_path / "c.jsonl", ROWS)
    (tmp_path / "catalogue.xlsx").write_bytes(b"x")
    done = cli("scan", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "hint:" in done.stderr


def test_catalogue_without_title_column_exits_two(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,name\n1,x\n")
    done = cli(*SCAN, str(path))
    assert done.returncode == 2 and "PSC-C003" in done.stderr
