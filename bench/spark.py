"""Spark local[1] vs local[2] vs ``proscribe scan`` on one generated catalogue (Parquet).

    .venv/bin/python bench/spark.py [--rows 5000000]

The catalogue is generated once (JSON Lines, then Parquet: both engines read the same Parquet
file), then decided three times: ``proscribe spark-scan --master local[1]``, ``local[2]``, and
``proscribe scan --workers 2``. Wall-clock time end to end, Spark's session start included
(measured separately as the time of a sweep of 1,000 rows). Prints listings/s and the scaling
from one core to two.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from pyarrow import json as pj
from scan import OUT, catalogue


def _parquet(rows: int) -> Path:
    path = OUT / f"catalogue-{rows}.parquet"
    if not path.exists():
        pq.write_table(pj.read_json(catalogue(rows)), path)
    return path


def _timed(*args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "proscribe", *args], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5_000_000)
    args = parser.parse_args()
    source = _parquet(args.rows)
    small = _parquet(1000)
    common = ("--as-of", "2021-10-20", "--jurisdiction", "CN")
    results = {}
    for master in ("local[1]", "local[2]"):
        out = OUT / f"spark-{master[6]}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(f"{out}-rejected", ignore_errors=True)
        results[master] = _timed("spark-scan", str(source), str(out), *common, "--master", master)
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(out.parent / "spark-start", ignore_errors=True)
    start = _timed("spark-scan", str(small), str(OUT / "spark-start"), *common, "--master",
                   "local[2]")  # fmt: skip
    shutil.rmtree(OUT / "spark-start", ignore_errors=True)
    scan_out = OUT / "scan-bench.parquet"
    results["proscribe scan --workers 2"] = _timed(
        "scan", str(source), *common, "--out", str(scan_out), "--workers", "2"
    )
    scan_out.unlink(missing_ok=True)
    print(f"{args.rows:,} generated listings (Parquet), as of 2021-10-20, CN, this 2-core machine")
    for name, seconds in results.items():
        print(f"  {name:<28} {seconds:8.1f} s  {args.rows / seconds:9,.0f} listings/s")
    one, two = results["local[1]"], results["local[2]"]
    print(f"  Spark scaling from one core to two: {one / two:.2f}×")
    print(f"  Spark session start and a 1,000-row sweep (local[2]): {start:.1f} s")


if __name__ == "__main__":
    main()
