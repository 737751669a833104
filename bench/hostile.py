"""Decision time against description size, for hostile descriptions (bounded work per listing).

    .venv/bin/python bench/hostile.py [--sizes 1000,10000,100000,1000000] [--repeat 3]

Decides one listing whose description is 1 KB … 1 MB of: ``terms`` (a prohibited model name
repeated: one match per 18 characters), ``cjk`` ("矿机" repeated: a match every two
characters, multi-byte text), ``mixed`` (Chinese, Latin, Cyrillic, Japanese and leetspeak
together) and ``plain`` (harmless words). Prints the best of ``--repeat`` runs in seconds,
microseconds per character (flat when growth is linear), the evidence kept and the budget
notes, and the growth factor between consecutive sizes (×10 in size should be about ×10).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from proscribe import Engine, Listing, load_pack

AS_OF = dt.date(2021, 10, 20)
UNITS = {
    "terms": "Antminer S19 95TH ",
    "cjk": "矿机",
    "mixed": "比特币 miner Майнер ビットコイン 4ntm1ner S19 ",
}
WORDS = [
    "garden", "chair", "table", "lamp", "red", "blue", "oak",
    "pine", "shelf", "rug", "mug", "kettle", "towel",
]  # fmt: skip


def description(kind: str, size: int) -> str:
    if kind == "plain":
        rng = random.Random(size)
        text = " ".join(rng.choice(WORDS) for _ in range(size // 4 + 1))
    else:
        unit = UNITS[kind]
        text = unit * (size // len(unit) + 1)
    return text[:size]


def best_of(engine: Engine, listing: Listing, repeat: int) -> tuple[float, int, int]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        verdict = engine.decide(listing, as_of=AS_OF, jurisdiction="CN")
        times.append(time.perf_counter() - start)
    return min(times), len(verdict.evidence), len(verdict.notes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    engine = Engine(load_pack("cn-crypto-mining-2021"))
    engine.decide(Listing("warm", "warm"), as_of=AS_OF)
    print(
        f"{'input':<7}{'chars':>10}{'seconds':>10}{'µs/char':>9}{'growth':>8}"
        f"{'evidence':>10}{'notes':>7}"
    )
    for kind in ("terms", "cjk", "mixed", "plain"):
        previous = None
        for size in sizes:
            listing = Listing("x", "listing", description=description(kind, size))
            seconds, evidence, notes = best_of(engine, listing, args.repeat)
            growth = f"×{seconds / previous:.1f}" if previous else ""
            print(
                f"{kind:<7}{size:>10,}{seconds:>10.3f}{seconds / size * 1e6:>9.2f}"
                f"{growth:>8}{evidence:>10}{notes:>7}"
            )
            previous = seconds


if __name__ == "__main__":
    main()
