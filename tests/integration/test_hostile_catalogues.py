"""Hostile catalogues through the real CLI, on SQLite and PostgreSQL: duplicate ids, NUL
characters and all-rejected runs never crash, and every summary counts rejected rows."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from proscribe.store import engine_for
from proscribe.store.tables import removals, verdicts

Cli = Callable[..., subprocess.CompletedProcess[str]]
WHERE = ("--as-of", "2021-10-20", "--jurisdiction", "CN", "--workers", "1")


def _write(tmp_path: Path, rows: list[dict[str, object]]) -> str:
    path = tmp_path / "catalogue.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def test_enforce_with_a_duplicate_id_in_one_chunk(cli: Cli, db_url: str, tmp_path: Path) -> None:
    # the second "D3" (after stripping) crashed the ledger with an IntegrityError
    catalogue = _write(
        tmp_path,
        [
            {"id": "D3", "title": "Antminer S19 95TH", "seller_id": "s1"},
            {"id": " D3", "title": "Whatsminer M30S 100TH/s", "seller_id": "s2"},
            {"id": "ok", "title": "Yoga mat", "seller_id": "s3"},
        ],
    )
    done = cli("enforce", catalogue, *WHERE, "--db", db_url, "--json")
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["decided"], summary["rejected"], summary["blocked"]) == (2, 1, 1)
    assert "PSC-C015" in done.stderr and "row 2" in done.stderr
    with engine_for(db_url).connect() as conn:
        assert conn.execute(sa.select(removals.c.listing_id)).scalars().all() == ["D3"]
    text = cli("enforce", catalogue, *WHERE, "--db", db_url)
    assert "rows rejected" in text.stdout


def test_nul_characters_are_removed_before_the_store(cli: Cli, db_url: str, tmp_path: Path) -> None:
    # PostgreSQL refuses NUL in text: enforce and scan --db aborted
    catalogue = _write(
        tmp_path,
        [{"id": "n\u00001", "title": "Antminer\u0000 S19 95TH", "seller_id": "s\u00001"}],
    )
    done = cli("enforce", catalogue, *WHERE, "--db", db_url, "--json")
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["cleaned"] == 1
    assert "PSC-C018" in done.stderr
    scanned = cli("scan", catalogue, *WHERE, "--db", db_url)
    assert scanned.returncode == 1, scanned.stderr
    with engine_for(db_url).connect() as conn:
        assert conn.execute(sa.select(removals.c.listing_id)).scalars().all() == ["n1"]
        assert conn.execute(sa.select(verdicts.c.seller_id)).scalars().all() == ["s1"]


def test_a_run_where_every_row_is_rejected_exits_2(cli: Cli, tmp_path: Path) -> None:
    catalogue = _write(tmp_path, [{"id": [1], "title": "t"}, {"id": "x", "title": ""}])
    db = f"sqlite:///{tmp_path / 'p.db'}"
    scanned = cli("scan", catalogue, *WHERE, "--json")
    assert scanned.returncode == 2 and "PSC-C020" in scanned.stderr
    assert "PSC-C021" in scanned.stderr
    assert json.loads(scanned.stdout)["rejected"] == 2
    enforced = cli("enforce", catalogue, *WHERE, "--db", db, "--json")
    assert enforced.returncode == 2 and "PSC-C020" in enforced.stderr
    assert json.loads(enforced.stdout)["rejected"] == 2


def test_scan_reports_a_runaway_quote_and_decides_the_rows_after_it(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "c.csv"
    rows = "".join(f"{i},Antminer S19 95TH\n" for i in range(3, 600))
    path.write_text('id,title\n1,Yoga mat\n2,"Yoga mat\n' + rows)
    out = tmp_path / "v.jsonl"
    done = cli("scan", str(path), *WHERE, "--out", str(out))
    assert done.returncode == 1, done.stderr  # the miners after the stray quote are blocked
    assert "PSC-C017" in done.stderr
    decided = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(decided) == 598
    rejects = (tmp_path / "v.rejects.jsonl").read_text().splitlines()
    assert [json.loads(r)["code"] for r in rejects] == ["PSC-C017"]


def test_scan_report_with_mathtext_in_seller_and_category(cli: Cli, tmp_path: Path) -> None:
    # matplotlib parsed "$…$" as mathematics and the report crashed before it was written
    catalogue = _write(
        tmp_path,
        [
            {"id": f"m{i}", "title": "Antminer S19 95TH", "seller_id": s, "category": c}
            for i, (s, c) in enumerate([("$x^$", r"$\frac{$"), (r"$\alpha$", "a$b$c")])
        ],
    )
    report = tmp_path / "r.html"
    done = cli("scan", catalogue, *WHERE, "--report", str(report))
    assert done.returncode == 1, done.stderr
    assert "$x^$" in report.read_text()


def test_access_timeline_with_mathtext_in_the_subject_id(cli: Cli, tmp_path: Path) -> None:
    picture = tmp_path / "timeline.svg"
    subject = '{"id":"$x^$","kyc_country":"CN","created_at":"2021-03-01"}'
    done = cli("access", "timeline", "--subject", subject, "--plot", str(picture))
    assert done.returncode == 0, done.stderr
    assert picture.is_file()


def test_enforce_verdicts_with_a_duplicate_id(cli: Cli, tmp_path: Path) -> None:
    catalogue = _write(tmp_path, [{"id": "D3", "title": "Antminer S19 95TH", "seller_id": "s1"}])
    out = tmp_path / "v.jsonl"
    assert cli("scan", catalogue, *WHERE, "--out", str(out)).returncode == 1
    out.write_text(out.read_text() * 2)  # the same verdict twice in one chunk
    db = f"sqlite:///{tmp_path / 'p.db'}"
    done = cli("enforce", "--verdicts", str(out), "--db", db, "--json")
    assert done.returncode == 1, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["decided"], summary["rejected"]) == (1, 1)
    assert "PSC-C015" in done.stderr
