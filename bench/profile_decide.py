"""``Engine.decide_batch`` on DEV rows: best-of-N rate, then a cProfile by stage.

    .venv/bin/python bench/profile_decide.py [--rows 20000] [--batch 1000] [--repeat 3]

Reads the first ``--rows`` of ``../shared/data/dev/ALL.jsonl`` (generated rows where absent),
decides them in batches on one core, prints the best of ``--repeat`` rates, then profiles one
more pass and prints the cumulative time of each stage (docs/performance.md).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import time
from pathlib import Path

import orjson

from proscribe import Engine, Listing, load_pack
from proscribe.synth.catalogue import generate

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dev" / "ALL.jsonl"
AS_OF = dt.date(2021, 10, 20)
STAGES = (
    ("normalise (Document.of)", "finding.py", "of"),
    ("term detection", "terms.py", "detect"),
    ("model: tokens, hashing, logits", "model.py", "logits"),
    ("model votes (incl. the above)", "model.py", "for_documents"),
    ("per-class scoring", "engine.py", "_score"),
    ("building the verdict", "engine.py", "_verdict"),
    ("fast-path verdict", "engine.py", "_quiet"),
)


def rows(count: int) -> list[Listing]:
    if DEV.is_file():
        with DEV.open("rb") as handle:
            found = [orjson.loads(line) for _, line in zip(range(count), handle, strict=False)]
    else:
        print(f"{DEV} absent: generated rows")
        found = list(generate(count, seed=7))
    return [
        Listing(str(r["id"]), r["title"], r.get("description"), r.get("category")) for r in found
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    listings = rows(args.rows)
    engine.decide_batch(listings[:200], as_of=AS_OF, jurisdiction="CN")  # warm

    def run() -> None:
        for start in range(0, len(listings), args.batch):
            batch = listings[start : start + args.batch]
            engine.decide_batch(batch, as_of=AS_OF, jurisdiction="CN")

    timings = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    print(f"decide_batch, 1 core, best of {args.repeat}: {len(listings) / min(timings):,.0f}/s")
    profile = cProfile.Profile()
    profile.runcall(run)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in stats.values())
    print(f"profiled pass: {total:.2f} s")
    for label, module, function in STAGES:
        spent = sum(v[3] for k, v in stats.items() if k[2] == function and k[0].endswith(module))
        print(f"  {label:32s} {spent:6.2f} s  {100 * spent / total:5.1f}%")


if __name__ == "__main__":
    main()
