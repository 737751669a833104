"""The stream worker: events/s with one and two workers, and publish → recorded latency.

    .venv/bin/python bench/worker.py [--events 100000] [--rate 500] [--seconds 20] [--db URL]

Starts a throw-away redis-server (Debian's) on a free port. Throughput: publishes ``--events``
generated listings, then starts one worker (and, on a fresh stream and database, two) and
times until every event has its verdict recorded (decided, stored, enforced, acknowledged).
Latency: one worker, a publisher pacing ``--rate`` events/s for ``--seconds``; latency is the
recorded time minus the event id's publish time. The database is a fresh SQLite file unless
``--db`` names a PostgreSQL URL (its public schema is dropped first).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import redis
import sqlalchemy as sa

from proscribe.store import engine_for, upgrade
from proscribe.store.tables import stream_verdicts
from proscribe.synth.catalogue import generate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.serve import percentile
from tests.conftest import free_port


def _fresh_db(url: str | None, work: Path, name: str) -> str:
    if url is None:
        url = f"sqlite:///{work / name}.db"
    else:
        with sa.create_engine(url).begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade(engine_for(url))
    return url


def _workers(redis_url: str, db: str, n: int) -> list[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "proscribe", "worker", "--source", redis_url, "--db", db,
               "--jurisdiction", "CN", "--batch", "200"]  # fmt: skip
    return [
        subprocess.Popen(
            [*command, "--consumer", f"w{i}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for i in range(n)
    ]


def _recorded(db: str) -> int:
    with engine_for(db).connect() as conn:
        return int(
            conn.execute(sa.select(sa.func.count()).select_from(stream_verdicts)).scalar_one()
        )


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for w in workers:
        w.send_signal(signal.SIGTERM)
    for w in workers:
        w.wait(timeout=60)


def throughput(client: redis.Redis, redis_url: str, db: str, events: int, n: int) -> float:
    client.flushall()
    pipe = client.pipeline(transaction=False)
    for row in generate(events, seed=51):
        pipe.xadd("listings", {"listing": orjson.dumps({**row, "as_of": "2021-10-20"})})
    pipe.execute()
    started = time.perf_counter()
    workers = _workers(redis_url, db, n)
    while _recorded(db) < events:
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    _stop(workers)
    return events / seconds


def latency(client: redis.Redis, redis_url: str, db: str, rate: int, seconds: float) -> list[float]:
    client.flushall()
    workers = _workers(redis_url, db, 1)
    time.sleep(8)  # the worker's start-up (pack, model) is not part of an event's latency
    rows = generate(int(rate * seconds), seed=52)
    began = time.perf_counter()
    for i, row in enumerate(rows):
        wait = began + i / rate - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        client.xadd("listings", {"listing": orjson.dumps({**row, "as_of": "2021-10-20"})})
    total = int(rate * seconds)
    while _recorded(db) < total:
        time.sleep(0.2)
    _stop(workers)
    with engine_for(db).connect() as conn:
        rows_out = conn.execute(sa.select(stream_verdicts.c.event_id, stream_verdicts.c.decided_at))
        return sorted(
            dt.datetime.fromisoformat(at).timestamp() * 1000 - int(event.split("-")[0])
            for event, at in rows_out
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rate", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--db", help="PostgreSQL URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    server = shutil.which("redis-server")
    assert server, "redis-server is not installed (Debian: apt-get install redis-server)"
    work = Path(tempfile.mkdtemp())
    port = free_port()
    process = subprocess.Popen([server, "--port", str(port), "--save", "", "--appendonly", "no",
                                "--dir", str(work)], stdout=subprocess.DEVNULL)  # fmt: skip
    redis_url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(redis_url)
    time.sleep(0.5)
    try:
        store = "PostgreSQL" if args.db else "SQLite"
        print(f"proscribe worker, Redis Streams, {store}, this {os.cpu_count()}-core machine")
        for n in (1, 2):
            db = _fresh_db(args.db, work, f"throughput-{n}")
            rate = throughput(client, redis_url, db, args.events, n)
            print(f"  {n} worker(s): {rate:8,.0f} events/s ({args.events:,} events, "
                  "decided, recorded, enforced, acknowledged; start-up included)")  # fmt: skip
        db = _fresh_db(args.db, work, "latency")
        found = latency(client, redis_url, db, args.rate, args.seconds)
        print(f"  publish → recorded verdict at {args.rate} events/s, one worker, "
              f"{len(found):,} events: p50 {percentile(found, 0.5):.0f} ms, "
              f"p99 {percentile(found, 0.99):.0f} ms, "
              f"max {found[-1]:.0f} ms")  # fmt: skip
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
