"""What a shadow revision costs the service: p50 / p99 of ``POST /v1/listings/check``.

    .venv/bin/python bench/shadow.py [--requests 3000] [--seconds 30]

Runs ``proscribe serve`` (one uvicorn worker, SQLite) twice on the same listings: with the
live revision alone, then with a shadow revision activated beside it (every request decided
twice, the shadow decision queued and written in batches by a background thread). Prints
both and the difference, at 1 and 16 concurrent clients, and how many shadow rows were kept.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import sqlalchemy as sa

from proscribe.deploy.revisions import activate
from proscribe.enforce.keys import create_key
from proscribe.policy import load_pack
from proscribe.policy.pack import BUNDLED
from proscribe.store import engine_for, upgrade
from proscribe.store.tables import shadow_decisions
from proscribe.synth.catalogue import generate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.serve import load, percentile
from tests.integration.test_api import start

PACK = "cn-crypto-mining-2021"
UNLIMITED = {"PROSCRIBE_RATE_PER_KEY": "1000000", "PROSCRIBE_BURST_PER_KEY": "1000000"}


def _candidate(folder: Path) -> Path:
    """The bundled pack with another revision string and a stricter currency threshold."""
    shutil.copytree(BUNDLED / PACK, folder)
    text = (folder / "pack.yaml").read_text()
    (folder / "pack.yaml").write_text(text.replace('revision: "2021.10.1"', 'revision: "bench"'))
    cls = folder / "virtual-currency.yaml"
    cls.write_text(
        cls.read_text().replace("{review: 0.5, block: 0.8}", "{review: 0.3, block: 0.4}", 1)
    )
    return folder


def _measure(
    db: str, key: str, bodies: list[dict[str, object]], args: argparse.Namespace
) -> dict[int, tuple[float, float, float]]:
    process, url = start(db, UNLIMITED)
    try:
        load(url, key, bodies, 4, 400, 10)  # warm-up
        found = {}
        for clients in (1, 16):
            rate, latencies, errors = load(url, key, bodies, clients, args.requests, args.seconds)
            assert errors == 0, f"{errors} failed requests"
            found[clients] = (
                rate,
                statistics.median(latencies) * 1e3,
                percentile(latencies, 0.99) * 1e3,
            )
    finally:
        process.terminate()
        process.wait(timeout=20)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    bodies = [{**r, "as_of": "2021-10-20", "jurisdiction": "CN"} for r in generate(2000, seed=3)]
    work = Path(tempfile.mkdtemp())
    db = f"sqlite:///{work / 'serve.db'}"
    engine = engine_for(db)
    upgrade(engine)
    key = create_key(engine, name="bench", role="integrator")
    activate(engine, load_pack(PACK), by="bench", note="live")
    alone = _measure(db, key, bodies, args)
    activate(engine, load_pack(_candidate(work / "candidate")), by="bench", note="x", mode="shadow")
    shadowed = _measure(db, key, bodies, args)
    with engine.connect() as conn:
        kept = conn.execute(sa.select(sa.func.count()).select_from(shadow_decisions)).scalar_one()
    print("POST /v1/listings/check, one uvicorn worker, SQLite, 127.0.0.1")
    for clients in (1, 16):
        (r0, a50, a99), (r1, s50, s99) = alone[clients], shadowed[clients]
        print(
            f"{clients:>2} clients: live only {r0:6,.0f} req/s p50 {a50:5.1f} ms p99 {a99:5.1f} ms"
            f" | with shadow {r1:6,.0f} req/s p50 {s50:5.1f} ms p99 {s99:5.1f} ms"
            f" | p99 {s99 - a99:+.1f} ms ({(s99 / a99 - 1):+.0%})"
        )
    print(f"shadow decisions kept: {kept:,}")


if __name__ == "__main__":
    main()
