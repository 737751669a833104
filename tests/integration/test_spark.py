"""``proscribe spark-scan`` in Spark's local mode: the scan's verdicts, from Arrow batches."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.conftest import require_spark

from proscribe.catalogue.verdicts import read_verdicts
from proscribe.store import engine_for
from proscribe.store.tables import removals, strikes
from proscribe.synth.catalogue import generate

Cli = Callable[..., subprocess.CompletedProcess[str]]
AS_OF = "2021-10-20"


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A 3,000-listing catalogue (plus one bad row), swept by Spark and scanned by `scan`."""
    require_spark()
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path_factory.mktemp("spark")
    rows = [*generate(3000, seed=9), {"id": "bad", "title": None}]
    catalogue = folder / "catalogue.parquet"
    pq.write_table(pa.Table.from_pylist(rows), catalogue)
    output = folder / "verdicts"
    common = ("--as-of", AS_OF, "--jurisdiction", "CN")
    run = _proscribe("spark-scan", str(catalogue), str(output), *common, "--master", "local[2]",
                     "--json")  # fmt: skip
    assert run.returncode == 1, run.stderr  # blocked listings, as `scan` exits
    summary = json.loads(run.stdout)
    assert summary["rejected"] == 1 and sum(summary["decisions"].values()) == 3000
    assert "id bad: PSC-C009 the row has no title" in run.stderr
    scanned = folder / "scan.parquet"
    assert _proscribe("scan", str(catalogue), *common, "--out", str(scanned)).returncode == 1
    return catalogue, output, scanned


def _proscribe(*args: str) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run([sys.executable, "-m", "proscribe", *args], capture_output=True,
                          text=True, timeout=600, check=False)  # fmt: skip


def test_spark_verdicts_are_the_scan_verdicts_field_for_field(
    swept: tuple[Path, Path, Path],
) -> None:
    _, output, scanned = swept
    spark = {r["id"]: r for r in read_verdicts(output) if isinstance(r, dict)}
    scan = {r["id"]: r for r in read_verdicts(scanned) if isinstance(r, dict)}
    assert len(scan) == 3000 and spark.keys() == scan.keys()
    assert [k for k in scan if spark[k] != scan[k]] == []
    assert sum(r["decision"] == "block" for r in scan.values()) > 50
    rejected = (output.parent / "verdicts-rejected").glob("*.json")
    lines = [json.loads(line) for f in rejected for line in f.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["bad"]


def test_enforce_applies_a_spark_sweep_like_the_scan_it_equals(
    swept: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, output, scanned = swept
    states = []
    for name, verdicts in (("spark", output), ("scan", scanned)):
        db = f"sqlite:///{tmp_path / name}.db"
        run = _proscribe("enforce", "--verdicts", str(verdicts), "--db", db, "--json")
        assert run.returncode == 1, run.stderr
        again = _proscribe("enforce", "--verdicts", str(verdicts), "--db", db, "--json")
        assert json.loads(again.stdout)["actions"].get("strike", 0) == 0  # idempotent
        with engine_for(db).connect() as conn:
            states.append(
                [
                    sorted(conn.execute(sa.select(t.c.listing_id)).scalars())
                    for t in (removals, strikes)
                ]
            )
    assert states[0] == states[1] and len(states[0][0]) > 50
