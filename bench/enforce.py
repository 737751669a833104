"""Enforcement throughput on SQLite and PostgreSQL, and audit-log verification time.

    .venv/bin/python bench/enforce.py [--rows 1000000] [--events 1000000] [--pg URL]

* ``proscribe enforce`` end to end on a generated catalogue (decide on all cores, apply the
  ledger in one transaction per 1,000 listings), on SQLite and — with ``--pg`` or
  ``$PROSCRIBE_TEST_PG_URL`` — on PostgreSQL (its schema is dropped and recreated);
* beside it, the obvious alternative: the same ledger with one transaction per listing
  (``Ledger.record``), on the first 20,000 flagged verdicts;
* ``audit verify`` on ``--events`` synthetic events appended in batches.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import sqlalchemy as sa

from proscribe import load_pack
from proscribe.audit import AuditEvent, AuditLog
from proscribe.enforce import Ledger
from proscribe.store import engine_for, upgrade

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scan import AS_OF, OUT, catalogue, run_scan


def fresh(url: str) -> str:
    if url.startswith("postgresql"):
        with sa.create_engine(url).begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    return url


def enforce_rate(path: Path, rows: int, url: str) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "proscribe",
            "enforce",
            str(path),
            "--as-of",
            str(AS_OF),
            "--jurisdiction",
            "CN",
            "--db",
            url,
            "--json",
        ],
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(done.stderr.decode())
    return rows / seconds, orjson.loads(done.stdout)


def per_listing_rate(url: str, verdicts: Path, count: int) -> float:
    engine = engine_for(url)
    upgrade(engine)
    ledger = Ledger(engine, load_pack("cn-crypto-mining-2021"))
    with verdicts.open("rb") as handle:
        flagged = [r for r in map(orjson.loads, handle) if r["decision"] != "allow"]
    sample = flagged[:count]
    started = time.perf_counter()
    for record in sample:
        ledger.record(record)
    return len(sample) / (time.perf_counter() - started)


def audit_verify_time(events: int) -> tuple[float, float]:
    engine = engine_for(f"sqlite:///{tempfile.mkdtemp()}/audit.db")
    upgrade(engine)
    log = AuditLog()
    started = time.perf_counter()
    batch = [
        AuditEvent(
            "strike",
            f"seller:S{i % 5000}",
            "bench",
            {"listing": f"L{i}"},
            "cn-crypto-mining-2021",
            "2021.10.1",
        )
        for i in range(10_000)
    ]
    for _ in range(events // len(batch)):
        with engine.begin() as conn:
            log.append(conn, batch)
    appended = time.perf_counter() - started
    started = time.perf_counter()
    result = log.verify(engine)
    assert result.ok and result.events == events
    return appended, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--pg", default=os.environ.get("PROSCRIBE_TEST_PG_URL"))
    args = parser.parse_args()
    path = catalogue(args.rows)
    targets = {"SQLite": f"sqlite:///{tempfile.mkdtemp()}/enforce.db"}
    if args.pg:
        targets["PostgreSQL"] = fresh(args.pg)
    print(f"machine: {os.cpu_count()} cores; {args.rows:,} listings\n")
    for name, url in targets.items():
        rate, summary = enforce_rate(path, args.rows, url)
        print(f"proscribe enforce, {name:<10}: {rate:10,.0f} listings/s  {summary['actions']}")
    verdicts = OUT / "verdicts-enforce.jsonl"
    run_scan(path, verdicts)
    for name, url in targets.items():
        alt = per_listing_rate(
            fresh(url) if name != "SQLite" else f"sqlite:///{tempfile.mkdtemp()}/alt.db",
            verdicts,
            20_000,
        )
        print(f"one transaction per flagged listing, {name:<10}: {alt:8,.0f} flagged listings/s")
    appended, verified = audit_verify_time(args.events)
    print(
        f"\naudit log, {args.events:,} events: appended in {appended:.1f} s, "
        f"`audit verify` in {verified:.1f} s ({args.events / verified:,.0f} events/s)"
    )


if __name__ == "__main__":
    main()
