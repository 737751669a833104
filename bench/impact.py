"""Impact analysis time: ``proscribe impact`` on a generated catalogue vs deciding it twice.

    .venv/bin/python bench/impact.py [--rows 1000000]

The candidate revision is the bundled pack with the crypto-tutorials model threshold lowered
(a change a compliance team might try). Measured in one run:

* ``proscribe impact`` end to end (read, one normalisation, both revisions decide, tally);
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
    pack = folder / "candidate"
    shutil.copytree(BUNDLED / "cn-crypto-mining-2021", pack)
    yaml = pack / "pack.yaml"
    text = yaml.read_text(encoding="utf-8")
    old = "crypto-tutorials: {review: 0.35"
    assert old in text
    yaml.write_text(text.replace(old, "crypto-tutorials: {review: 0.25"), encoding="utf-8")
    return pack


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    path = catalogue(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        new = candidate(Path(tmp))
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "proscribe", "impact", str(path), "--from",
             "cn-crypto-mining-2021", "--to", str(new), "--as-of", str(AS_OF), "--jurisdiction",
             "CN", "--json"],
            capture_output=True, check=True,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        report = done.stdout.decode()
        sample = listings(path, 50_000)
        twice = 0.0
        for pack in (load_pack("cn-crypto-mining-2021"), load_pack(new)):
            engine = Engine(pack)
            begun = time.perf_counter()
            for i in range(0, len(sample), 1000):
                engine.decide_batch(sample[i : i + 1000], as_of=AS_OF, jurisdiction="CN")
            twice += time.perf_counter() - begun
    print(f"proscribe impact, {args.rows:,} listings: {seconds:,.1f} s "
          f"({args.rows / seconds:,.0f} listings/s, one process)")  # fmt: skip
    print(f"deciding twice separately (two normalisations), 1 core: "
          f"{len(sample) / twice:,.0f} listings/s")  # fmt: skip
    print(report[report.find('"changes"') : report.find('"transitions"')].strip())


if __name__ == "__main__":
    main()
