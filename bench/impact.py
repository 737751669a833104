"""Impact analysis time: ``proscribe impact`` on a generated catalogue vs deciding it twice.

    .venv/bin/python bench/impact.py [--rows 1000000]

The candidate revision is the bundled pack with hardware blocked only when certain and bare
coin names blocked sooner (changes a compliance team might try). Measured in one run:

* ``proscribe impact`` end to end (read, one normalisation, both revisions decide, tally),
  in one process and in two;
* the obvious alternative in-process: ``decide_batch`` under each revision separately (two
  normalisations), on the first 50,000 listings, reported per listing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scan import AS_OF, catalogue, listings

from proscribe import Engine, load_pack
from proscribe.policy.pack import BUNDLED


def candidate(folder: Path) -> Path:
    """Hardware blocks only when certain (more reviews), bare coin names blocked sooner."""
    pack = folder / "candidate"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", pack)
    for name, old, new in (
        ("pack.yaml", 'revision: "2021.10.1"', 'revision: "candidate"'),
        ("mining-hardware.yaml", "{review: 0.5, block: 0.8}", "{review: 0.5, block: 0.99}"),
        ("virtual-currency.yaml", "{review: 0.5, block: 0.8}", "{review: 0.3, block: 0.35}"),
    ):
        path = pack / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return pack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--workers", type=lambda v: [int(n) for n in v.split(",")], default=[1, 2],
        help="comma-separated process counts to compare",
    )  # fmt: skip
    args = parser.parse_args()
    path = catalogue(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        new = candidate(Path(tmp))
        runs = {}
        for workers in args.workers:
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "proscribe", "impact", str(path), "--from",
                 "cn-crypto-mining-2021", "--to", str(new), "--as-of", str(AS_OF),
                 "--jurisdiction", "CN", "--json", "--workers", str(workers)],
                capture_output=True, check=True,
            )  # fmt: skip
            runs[workers] = time.perf_counter() - started
            report = done.stdout.decode()
        sample = listings(path, 50_000)
        twice = 0.0
        for pack in (load_pack("cn-crypto-mining-2021"), load_pack(new)):
            engine = Engine(pack)
            begun = time.perf_counter()
            for i in range(0, len(sample), 1000):
                engine.decide_batch(sample[i : i + 1000], as_of=AS_OF, jurisdiction="CN")
            twice += time.perf_counter() - begun
    for workers, seconds in runs.items():
        print(f"proscribe impact --workers {workers}, {args.rows:,} listings: {seconds:,.1f} s "
              f"({args.rows / seconds:,.0f} listings/s)")  # fmt: skip
    print(f"deciding twice separately (two normalisations), 1 core: "
          f"{len(sample) / twice:,.0f} listings/s")  # fmt: skip
    print(report[report.find('"changes"') : report.find('"transitions"')].strip())


if __name__ == "__main__":
    main()
