"""Precision, recall and false-positive rate of the bundled pack on the labelled DEV set.

    .venv/bin/python bench/quality.py [PATH.jsonl]

Reads ../shared/data/dev/ALL.jsonl by default (real third-party listings, never copied
into the repository); says so and exits 0 when it is absent. As of 2021-10-20, in CN.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import orjson

from proscribe import Engine, load_pack
from proscribe.evaluate import Tally, evaluate

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "ALL.jsonl"


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.is_file():
        print(f"skipped: no labelled data at {path} (see shared/data/dev/README.md)")
        return
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    started = time.perf_counter()
    tallies = evaluate(engine, rows, as_of=dt.date(2021, 10, 20), jurisdiction="CN")
    seconds = time.perf_counter() - started
    print(
        f"{len(rows):,} labelled listings from {path} in {seconds:.1f} s "
        f"({len(rows) / seconds:,.0f} listings/s, one core)\n"
    )
    print(
        f"{'group':48} {'prohib':>7} {'allowed':>8} {'flagR':>6} {'blockR':>6} {'blockP':>6} "
        f"{'FPR':>7} {'border→review':>14}"
    )
    for group in sorted(tallies, key=lambda g: (g != "all", g.split(":")[0], g)):
        t: Tally = tallies[group]
        fpr = "    -  " if t.false_positive_rate is None else f"{t.false_positive_rate:7.4%}"
        border = f"{t.borderline_flagged}/{t.borderline}" if t.borderline else "-"
        print(
            f"{group:48} {t.prohibited:7,} {t.allowed:8,} {_fmt(t.flagged_recall)} "
            f"{_fmt(t.blocked_recall)} {_fmt(t.blocked_precision)} {fpr} {border:>14}"
        )


if __name__ == "__main__":
    main()
